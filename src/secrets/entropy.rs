//! Character statistics used to tell random-looking secrets from words.
//!
//! Secrets are random; identifiers, model names and config words are not.
//! Shannon entropy (bits per character) and the number of character classes
//! are the two cheap signals the detectors combine.

/// Shannon entropy of `s` in bits per character (0.0 for an empty string).
///
/// Random base64 of length 40 scores about 4.7–5.0, English words 2.5–3.2,
/// so a threshold around 3.0–3.5 separates tokens from names.
pub(super) fn shannon(s: &str) -> f64 {
    let mut ascii = [0u32; 128];
    let mut other: Vec<(char, u32)> = Vec::new();
    let mut total = 0u32;
    for c in s.chars() {
        total += 1;
        if c.is_ascii() {
            ascii[c as usize] += 1;
        } else if let Some(slot) = other.iter_mut().find(|(o, _)| *o == c) {
            slot.1 += 1;
        } else {
            other.push((c, 1));
        }
    }
    if total == 0 {
        return 0.0;
    }
    let n = f64::from(total);
    ascii
        .iter()
        .copied()
        .chain(other.iter().map(|&(_, k)| k))
        .filter(|&k| k > 0)
        .map(|k| {
            let p = f64::from(k) / n;
            -p * p.log2()
        })
        .sum()
}

/// Which character classes occur in a string: lowercase, uppercase, digits,
/// and anything else. Mixed classes are a hallmark of generated tokens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Classes {
    pub lower: bool,
    pub upper: bool,
    pub digit: bool,
    pub other: bool,
}

impl Classes {
    /// Classify every character of `s`.
    pub(super) fn of(s: &str) -> Self {
        let mut c = Classes::default();
        for ch in s.chars() {
            if ch.is_ascii_lowercase() {
                c.lower = true;
            } else if ch.is_ascii_uppercase() {
                c.upper = true;
            } else if ch.is_ascii_digit() {
                c.digit = true;
            } else {
                c.other = true;
            }
        }
        c
    }

    /// How many of the alphanumeric classes (lower, upper, digit) occur.
    pub(super) fn alnum_count(self) -> u8 {
        u8::from(self.lower) + u8::from(self.upper) + u8::from(self.digit)
    }
}

/// Length of the longest run of one repeated character (`"aXXXXb"` → 4).
/// Long runs mark filler such as `XXXXXXXX` or `00000000`.
pub(super) fn longest_run(s: &str) -> usize {
    let mut best = 0;
    let mut run = 0;
    let mut prev = None;
    for c in s.chars() {
        run = if Some(c) == prev { run + 1 } else { 1 };
        prev = Some(c);
        best = best.max(run);
    }
    best
}

/// Number of distinct alphanumeric characters; fewer than a handful means
/// the string is filler rather than a generated secret.
pub(super) fn distinct_alnum(s: &str) -> usize {
    let mut seen = [false; 128];
    let mut n = 0;
    for c in s.chars().filter(char::is_ascii_alphanumeric) {
        let i = c as usize;
        if !seen[i] {
            seen[i] = true;
            n += 1;
        }
    }
    n
}
