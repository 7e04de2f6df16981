//! The seven panes of the desk. Below both the state (`app`) and the geometry (`layout`), so that
//! each can name a pane without importing the other.

/// The seven panes, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Today,
    Calls,
    Visits,
    Log,
    Caseload,
    Closure,
    /// Companies and their job leads (issue 19).
    Companies,
}

impl Pane {
    pub const ALL: [Pane; 7] = [
        Pane::Today,
        Pane::Calls,
        Pane::Visits,
        Pane::Log,
        Pane::Caseload,
        Pane::Closure,
        Pane::Companies,
    ];
    pub fn index(self) -> usize {
        Pane::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
    /// Whether the pane can show a week instead of a day.
    pub(super) fn has_week(self) -> bool {
        matches!(self, Pane::Calls | Pane::Visits)
    }
    /// Whether the pane is about a day (and the day keys move it).
    pub(super) fn has_date(self) -> bool {
        !matches!(self, Pane::Caseload | Pane::Closure | Pane::Companies)
    }
}
