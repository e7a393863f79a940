/// Hangul to Latin letters by the Revised Romanization of Korean (letter by letter, with the
/// ㄹㄹ → "ll" rule and a silent initial ㅇ), for readable ASCII ids from Hangul titles:
/// "로드밸런서" → "rodeubaelleonseo", "웹 통신의 큰 흐름" → "wep tongsinui keun heureum".
enum Romanize {
    static let initials = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
    static let medials = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"]
    static let finals = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]

    static func hangul(_ text: String) -> String {
        var out = "", previousFinal = -1
        for scalar in text.unicodeScalars {
            let v = Int(scalar.value)
            guard (0xAC00...0xD7A3).contains(v) else { out.unicodeScalars.append(scalar); previousFinal = -1; continue }
            let index = v - 0xAC00
            let initial = index / (21 * 28), medial = (index % (21 * 28)) / 28, final = index % 28
            // ㄹ after a final ㄹ is "l": 밸런 is "baelleon", not "baelreon".
            out += (initial == 5 && previousFinal == 8) ? "l" : initials[initial]
            out += medials[medial] + finals[final]
            previousFinal = final
        }
        return out
    }
}
