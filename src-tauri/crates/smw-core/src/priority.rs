//! Impact × urgency → priority, through a matrix each workspace can configure.

use crate::error::{Code, Invalid};
use serde::{Deserialize, Serialize};

/// Impact or urgency: 1 is high, 3 is low.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Level {
    High,
    #[default]
    Medium,
    Low,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::High, Level::Medium, Level::Low];

    fn index(self) -> usize {
        self as usize
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::High => "high",
            Level::Medium => "medium",
            Level::Low => "low",
        }
    }

    pub fn parse(text: &str) -> Option<Level> {
        Self::ALL.into_iter().find(|level| level.as_str() == text)
    }
}

/// P1 (critical) to P5 (planning).
pub type Priority = u8;
pub const PRIORITY_RANGE: std::ops::RangeInclusive<Priority> = 1..=5;

/// Rows are impact (high, medium, low), columns urgency (high, medium, low).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct PriorityMatrix {
    pub cells: [[Priority; 3]; 3],
}

impl Default for PriorityMatrix {
    fn default() -> Self {
        PriorityMatrix { cells: [[1, 2, 3], [2, 3, 4], [3, 4, 5]] }
    }
}

impl PriorityMatrix {
    pub fn priority(&self, impact: Level, urgency: Level) -> Priority {
        self.cells[impact.index()][urgency.index()]
    }

    /// Every cell within P1..P5, and priority never improves as impact or urgency falls:
    /// a matrix where lower urgency gives a more urgent priority is a typo, not a policy.
    pub fn validate(&self) -> Result<(), Invalid> {
        for (row, cells) in self.cells.iter().enumerate() {
            for (col, &cell) in cells.iter().enumerate() {
                let (impact, urgency) = (Level::ALL[row].as_str(), Level::ALL[col].as_str());
                if !PRIORITY_RANGE.contains(&cell) {
                    return Err(Invalid::field(
                        Code::OutOfRange,
                        format!("cells[{row}][{col}]"),
                        format!("The priority for {impact} impact and {urgency} urgency can be 1 to 5, not {cell}."),
                    ));
                }
                if row > 0 && cell < self.cells[row - 1][col] || col > 0 && cell < cells[col - 1] {
                    return Err(Invalid::field(
                        Code::NotMonotonic,
                        format!("cells[{row}][{col}]"),
                        format!(
                            "The priority for {impact} impact and {urgency} urgency cannot be higher than for a greater impact or urgency."
                        ),
                    ));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_matrix_maps_extremes() {
        let matrix = PriorityMatrix::default();
        assert_eq!(matrix.priority(Level::High, Level::High), 1);
        assert_eq!(matrix.priority(Level::Low, Level::Low), 5);
        assert_eq!(matrix.priority(Level::High, Level::Low), 3);
        matrix.validate().unwrap();
    }

    #[test]
    fn configured_matrix_is_used() {
        let matrix = PriorityMatrix { cells: [[1, 1, 2], [1, 2, 3], [2, 3, 4]] };
        matrix.validate().unwrap();
        assert_eq!(matrix.priority(Level::Medium, Level::High), 1);
    }

    #[test]
    fn bad_matrices_name_the_cell() {
        let out_of_range = PriorityMatrix { cells: [[0, 2, 3], [2, 3, 4], [3, 4, 5]] };
        assert_eq!(out_of_range.validate().unwrap_err().field.as_deref(), Some("cells[0][0]"));
        let inverted = PriorityMatrix { cells: [[1, 2, 3], [2, 3, 4], [3, 4, 2]] };
        let err = inverted.validate().unwrap_err();
        assert_eq!((err.code, err.field.as_deref()), (Code::NotMonotonic, Some("cells[2][2]")));
    }
}
