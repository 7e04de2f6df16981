//! Words of the store's errors and warnings, in Danish and English: what was wrong, where, and
//! what to do. The store gives the facts; the command line and the desk word them here.

use super::Lang;
use crate::store::Warning;

/// A warning of opening a database, as the command line prints it.
pub fn warning(w: &Warning, l: Lang) -> String {
    match w {
        Warning::OthersMayRead { path } => {
            let p = path.display();
            if l.da() {
                format!(
                    "advarsel: andre brugere på denne maskine kan læse {p}, og den rummer personoplysninger. Ret det med: chmod 600 {p}"
                )
            } else {
                format!(
                    "warning: {p} can be read by other users on this machine; it holds personal data. Fix it with: chmod 600 {p}"
                )
            }
        }
        Warning::PassphraseUnused { path } => {
            let p = path.display();
            if l.da() {
                format!(
                    "advarsel: JOBDESK_PASSPHRASE er sat, men {p} er ikke krypteret. Kryptér den med: jobdesk encrypt"
                )
            } else {
                format!(
                    "warning: JOBDESK_PASSPHRASE is set, but {p} is not encrypted. Encrypt it with: jobdesk encrypt"
                )
            }
        }
    }
}

/// Said before asking again, after a passphrase that did not open the database.
pub fn passphrase_retry(l: Lang, path: &str) -> String {
    if l.da() {
        format!("Den adgangsfrase åbner ikke {path}; prøv igen.")
    } else {
        format!("That passphrase does not open {path}; try again.")
    }
}
