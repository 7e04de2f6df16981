//! The desk's colours shared by the screen and the panes.

use ratatui::style::Color;

/// Borders, the header bar, highlighted keys and selected tabs.
pub const ACCENT: Color = Color::Cyan;
