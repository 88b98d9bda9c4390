import Foundation

/// The xterm palette and perceptual nearest-colour matching.
///
/// Distances are CIE76: Euclidean distance in CIELAB (sRGB, D65 white), which tracks
/// how different two colours look far better than distance in RGB does.
enum Palette {
    /// An sRGB colour.
    struct RGB: Hashable, Sendable {
        var r: UInt8, g: UInt8, b: UInt8
        init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { (self.r, self.g, self.b) = (r, g, b) }
    }

    /// The standard xterm values of the sixteen ANSI colours.
    static let system: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
        RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]

    /// The levels of each axis of the 6×6×6 colour cube (indexes 16–231).
    static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// All 256 xterm colours: 16 system colours, the cube, then 24 greys 8…238.
    static let xterm256: [RGB] = {
        var colours = system
        for r in cubeLevels { for g in cubeLevels { for b in cubeLevels { colours.append(RGB(r, g, b)) } } }
        for step in 0..<24 {
            let level = UInt8(8 + 10 * step)
            colours.append(RGB(level, level, level))
        }
        return colours
    }()

    /// Of the depth's black and white, the one that stands out more against palette
    /// entry `background`.
    static func contrasting(with background: Int, depth: ColorDepth) -> Int {
        let (black, white) = depth == .indexed256 ? (16, 231) : (0, depth == .ansi16 ? 15 : 7)
        let lightness = xterm256Lab[min(max(background, 0), 255)].l
        return abs(lightness - xterm256Lab[black].l) >= abs(lightness - xterm256Lab[white].l) ? black : white
    }

    /// The CIELAB value of every xterm colour, computed once.
    static let xterm256Lab: [Lab] = xterm256.map(Lab.init)

    /// The RGB value of a palette index (xterm's values).
    static func rgb(ofIndex index: Int) -> RGB {
        xterm256[min(max(index, 0), 255)]
    }

    /// The index in `candidates` whose colour looks nearest `colour`.
    static func nearest(to colour: RGB, in candidates: Range<Int>) -> Int {
        let target = Lab(colour)
        var best = candidates.lowerBound
        var bestDistance = Double.infinity
        for index in candidates {
            let distance = target.distanceSquared(to: xterm256Lab[index])
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return best
    }
}

// MARK: - CIELAB

/// A colour in CIELAB (D65).
struct Lab: Sendable {
    var l: Double, a: Double, b: Double

    init(_ rgb: Palette.RGB) {
        func linear(_ channel: UInt8) -> Double {
            let c = Double(channel) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let r = linear(rgb.r), g = linear(rgb.g), b = linear(rgb.b)
        // sRGB → XYZ, normalised by the D65 white point.
        let x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
        let y = (0.2126729 * r + 0.7151522 * g + 0.0721750 * b) / 1.0
        let z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883
        func f(_ t: Double) -> Double {
            t > 216.0 / 24389.0 ? cbrt(t) : (24389.0 / 27.0 * t + 16) / 116
        }
        let fx = f(x), fy = f(y), fz = f(z)
        l = 116 * fy - 16
        a = 500 * (fx - fy)
        self.b = 200 * (fy - fz)
    }

    func distanceSquared(to other: Lab) -> Double {
        let dl = l - other.l, da = a - other.a, db = b - other.b
        return dl * dl + da * da + db * db
    }
}
