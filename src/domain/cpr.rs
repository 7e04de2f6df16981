//! CPR numbers: ddmmyy-xxxx or ten digits, with a real date. No modulus-11 check (numbers issued
//! since 2007 need not satisfy it).

use chrono::NaiveDate;

/// Normalises a CPR number to `ddmmyy-xxxx`, or says what is wrong; the message shows only the
/// first six characters of what was given (`310290-****`).
pub fn parse_cpr(s: &str) -> Result<String, String> {
    parse_cpr_in(s, false)
}

/// As [`parse_cpr`], the message in Danish when `danish`.
pub fn parse_cpr_in(s: &str, danish: bool) -> Result<String, String> {
    let t = s.trim();
    let shown = if t.chars().count() > 6 {
        mask_cpr(t)
    } else {
        t.to_string()
    };
    let digits: String = t.chars().filter(|c| c.is_ascii_digit()).collect();
    let shape_ok = (t.len() == 10 && t.chars().all(|c| c.is_ascii_digit()))
        || (t.len() == 11 && t.as_bytes().get(6) == Some(&b'-') && digits.len() == 10);
    if !shape_ok {
        return Err(if danish {
            format!("CPR '{shown}' skal skrives ddmmåå-xxxx eller som 10 cifre")
        } else {
            format!("CPR '{shown}' must be ddmmyy-xxxx or 10 digits")
        });
    }
    let num = |a: usize| digits[a..a + 2].parse::<u32>().unwrap_or(0);
    let (dd, mm, yy) = (num(0), num(2), num(4));
    // The century does not matter for whether the day exists, except 29 February: accept the
    // day if it exists in either century that the seventh digit allows.
    let exists = [1900 + yy, 2000 + yy]
        .iter()
        .any(|y| NaiveDate::from_ymd_opt(*y as i32, mm, dd).is_some());
    if !exists {
        return Err(if danish {
            format!("CPR '{shown}' begynder ikke med en rigtig dato (ddmmåå)")
        } else {
            format!("CPR '{shown}' does not start with a real date (ddmmyy)")
        });
    }
    Ok(format!("{}-{}", &digits[..6], &digits[6..]))
}

/// `231190-****`: the date part only, for the screen.
pub fn mask_cpr(cpr: &str) -> String {
    let head: String = cpr.chars().take(6).collect();
    format!("{head}-****")
}

/// Every CPR-like number in `text` masked to `ddmmyy-****`: six digits that start with a day and a
/// month, then `-`, a space or nothing, then four digits, with no digit on either side. For any
/// message that may echo what a user's file held (a row of a CSV, a value of a JSON file).
pub fn mask_cprs_in(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let value = |from: usize, n: usize| {
        chars[from..from + n]
            .iter()
            .fold(0u32, |acc, c| acc * 10 + c.to_digit(10).unwrap_or(0))
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let starts_run = digit(i) && (i == 0 || !digit(i - 1));
        if starts_run && (0..6).all(|k| digit(i + k)) {
            let sep = usize::from(matches!(chars.get(i + 6), Some('-' | ' ')));
            let tail = i + 6 + sep;
            let dated = (1..=31).contains(&value(i, 2)) && (1..=12).contains(&value(i + 2, 2));
            if dated && (0..4).all(|k| digit(tail + k)) && !digit(tail + 4) {
                out.extend(&chars[i..i + 6]);
                out.push_str("-****");
                i = tail + 4;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpr_forms() {
        assert_eq!(parse_cpr("231190-1234"), Ok("231190-1234".into()));
        assert_eq!(parse_cpr("2311901234"), Ok("231190-1234".into()));
        assert_eq!(
            parse_cpr("311190-1234"),
            Err("CPR '311190-****' does not start with a real date (ddmmyy)".into())
        );
        assert_eq!(
            parse_cpr("3111901234567"),
            Err("CPR '311190-****' must be ddmmyy-xxxx or 10 digits".into())
        );
        assert!(parse_cpr("23119-01234").is_err());
        assert!(parse_cpr("231190-12345").is_err());
        assert!(parse_cpr("abc").is_err());
        assert_eq!(parse_cpr("290200-1234"), Ok("290200-1234".into()));
        assert_eq!(mask_cpr("231190-1234"), "231190-****");
    }

    #[test]
    fn cpr_numbers_in_a_message_are_masked() {
        assert_eq!(
            mask_cprs_in("wrong header [Søren Ærø, 231190-1234, dagpenge]"),
            "wrong header [Søren Ærø, 231190-****, dagpenge]"
        );
        assert_eq!(mask_cprs_in("cpr 2311901234;x"), "cpr 231190-****;x");
        assert_eq!(mask_cprs_in("231190 1234"), "231190-****");
        assert_eq!(mask_cprs_in("a\"010203-4321\"b"), "a\"010203-****\"b");
        // Not a CPR number: too many digits, no day and month, a date, a phone number.
        for s in [
            "12311901234",
            "2311901234567",
            "999999-1234",
            "2026-11-23",
            "+45 20 30 40 50",
            "line 12: 1234567890 bytes",
        ] {
            assert_eq!(mask_cprs_in(s), s);
        }
        assert_eq!(mask_cprs_in(""), "");
    }
}
