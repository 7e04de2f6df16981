//! CPR numbers: ddmmyy-xxxx or ten digits, with a real date. No modulus-11 check (numbers issued
//! since 2007 need not satisfy it).

use chrono::NaiveDate;

/// Normalises a CPR number to `ddmmyy-xxxx`, or says what is wrong.
pub fn parse_cpr(s: &str) -> Result<String, String> {
    let t = s.trim();
    let digits: String = t.chars().filter(|c| c.is_ascii_digit()).collect();
    let shape_ok = (t.len() == 10 && t.chars().all(|c| c.is_ascii_digit()))
        || (t.len() == 11 && t.as_bytes().get(6) == Some(&b'-') && digits.len() == 10);
    if !shape_ok {
        return Err(format!("CPR '{t}' must be ddmmyy-xxxx or 10 digits"));
    }
    let num = |a: usize| digits[a..a + 2].parse::<u32>().unwrap_or(0);
    let (dd, mm, yy) = (num(0), num(2), num(4));
    // The century does not matter for whether the day exists, except 29 February: accept the
    // day if it exists in either century that the seventh digit allows.
    let exists = [1900 + yy, 2000 + yy]
        .iter()
        .any(|y| NaiveDate::from_ymd_opt(*y as i32, mm, dd).is_some());
    if !exists {
        return Err(format!(
            "CPR '{t}' does not start with a real date (ddmmyy)"
        ));
    }
    Ok(format!("{}-{}", &digits[..6], &digits[6..]))
}

/// `231190-****`: the date part only, for the screen.
pub fn mask_cpr(cpr: &str) -> String {
    let head: String = cpr.chars().take(6).collect();
    format!("{head}-****")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpr_forms() {
        assert_eq!(parse_cpr("231190-1234"), Ok("231190-1234".into()));
        assert_eq!(parse_cpr("2311901234"), Ok("231190-1234".into()));
        assert!(parse_cpr("311190-1234").is_err());
        assert!(parse_cpr("23119-01234").is_err());
        assert!(parse_cpr("231190-12345").is_err());
        assert!(parse_cpr("abc").is_err());
        assert_eq!(parse_cpr("290200-1234"), Ok("290200-1234".into()));
        assert_eq!(mask_cpr("231190-1234"), "231190-****");
    }
}
