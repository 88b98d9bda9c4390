/// How the list shows when a file was written: the time for today ("14:05"), the day for this
/// year ("12 Mar"), the month and year before ("Mar 2023"). At most ``width`` columns.
public enum ListDate {
    public static let width = 8
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// - Parameters:
    ///   - time, now: seconds since 1970.
    ///   - offset: the local time zone's offset from UTC, in seconds.
    public static func label(_ time: Int64, now: Int64, offset: Int) -> String {
        let local = time + Int64(offset), today = now + Int64(offset)
        let day = floorDivide(local, 86_400), thisDay = floorDivide(today, 86_400)
        if day == thisDay {
            let seconds = local - day * 86_400
            return twoDigits(seconds / 3600) + ":" + twoDigits(seconds % 3600 / 60)
        }
        let (year, month, dayOfMonth) = civil(day)
        if year == civil(thisDay).year { return "\(dayOfMonth) \(months[month - 1])" }
        return "\(months[month - 1]) \(year)"
    }

    /// The local day (counted from 1970-01-01) at `now`: labels made on the same day, with the
    /// same offset, are the same.
    static func day(_ now: Int64, offset: Int) -> Int64 { floorDivide(now + Int64(offset), 86_400) }

    private static func twoDigits(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// The calendar date of a day counted from 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civil(_ days: Int64) -> (year: Int64, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = Int(doy - (153 * mp + 2) / 5 + 1)
        let m = Int(mp < 10 ? mp + 3 : mp - 9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
