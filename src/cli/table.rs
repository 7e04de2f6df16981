//! The command line's plain-text tables: columns aligned by display width (so æøå, emoji and
//! CJK line up), two spaces between columns, the header and the rows from one column list.

use std::io::{self, Write};

use crate::domain::text::{fit, width};

/// How one column lays out its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    /// Cut to this many cells (ending with "…") and padded to them.
    Fit(usize),
    /// Padded to at least this many cells; a longer text is kept whole.
    Left(usize),
    /// Right-aligned in at least this many cells (numbers); a longer text is kept whole.
    Right(usize),
    /// As it is: the last column.
    Free,
}

impl Col {
    /// `text` laid out for this column.
    pub fn cell(self, text: &str) -> String {
        match self {
            Col::Fit(w) => fit(text, w),
            Col::Left(w) => format!("{text}{}", " ".repeat(w.saturating_sub(width(text)))),
            Col::Right(w) => format!("{}{text}", " ".repeat(w.saturating_sub(width(text)))),
            Col::Free => text.to_string(),
        }
    }
}

/// A table: an indent before each line and its columns.
#[derive(Debug, Clone, Copy)]
pub struct Table<'a> {
    indent: &'a str,
    cols: &'a [Col],
}

impl<'a> Table<'a> {
    pub const fn new(cols: &'a [Col]) -> Table<'a> {
        Table { indent: "", cols }
    }

    /// The same, each line starting with `indent`.
    pub const fn indented(indent: &'a str, cols: &'a [Col]) -> Table<'a> {
        Table { indent, cols }
    }

    /// One line of the table; a cell beyond the columns is written as it is.
    pub fn line(&self, cells: &[&str]) -> String {
        let mut line = self.indent.to_string();
        for (i, text) in cells.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let col = self.cols.get(i).copied().unwrap_or(Col::Free);
            line.push_str(&col.cell(text));
        }
        line
    }

    /// Writes one line (a header or a row) and a line break.
    pub fn row(&self, out: &mut dyn Write, cells: &[&str]) -> io::Result<()> {
        writeln!(out, "{}", self.line(cells))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_by_display_width() {
        let t = Table::indented("  ", &[Col::Right(4), Col::Fit(6), Col::Left(3), Col::Free]);
        assert_eq!(t.line(&["7", "Ærø", "ja", "x"]), "     7  Ærø     ja   x");
        assert_eq!(
            t.line(&["12345", "漢字漢字", "nej!", "–"]),
            "  12345  漢字…   nej!  –"
        );
    }

    #[test]
    fn the_same_as_format_padding_for_narrow_text() {
        let t = Table::new(&[Col::Right(6), Col::Left(9), Col::Free]);
        assert_eq!(
            t.line(&["42", "csv", "rest"]),
            format!("{:>6}  {:<9}  {}", "42", "csv", "rest")
        );
    }
}
