//! Tables that fit the terminal. Nothing is wrapped, so ids, kids and URLs stay whole and
//! can be copied. When a table is wider than the terminal, it takes its steps in order
//! until it fits: a column takes a shorter form (a time as its date, a shorter thumbprint,
//! a cut name), or an optional column is left out; a note on stderr says what changed.
//! Piped output (and a terminal of unknown width) gets the full table.

use comfy_table::Color;
use unicode_width::UnicodeWidthStr;

use super::Printer;
use super::table::render;
use crate::env;
use crate::error::Result;

/// One cell: its text in each form its column can take, widest first.
pub(super) struct Cell {
    forms: Vec<String>,
    color: Option<Color>,
}

impl Cell {
    /// A cell that is never shortened (an id, a kid, a URL, a status).
    pub(super) fn whole(text: impl Into<String>) -> Self {
        Cell {
            forms: vec![text.into()],
            color: None,
        }
    }

    /// A cell with shorter forms, widest first, for [`Step::Shorten`].
    pub(super) fn forms(forms: Vec<String>) -> Self {
        Cell { forms, color: None }
    }

    pub(super) fn color(mut self, color: Option<Color>) -> Self {
        self.color = color;
        self
    }

    fn text(&self, form: usize) -> &str {
        &self.forms[form.min(self.forms.len() - 1)]
    }
}

/// What a table may do, in order, until it fits.
#[derive(Debug, Clone, Copy)]
pub(super) enum Step {
    /// The column's cells take their next shorter form.
    Shorten(&'static str),
    /// The column is left out.
    Drop(&'static str),
}

/// A table that fits: its columns' headers, its rows, and the steps it may take.
pub(super) struct FitTable {
    headers: Vec<&'static str>,
    rows: Vec<Vec<Cell>>,
    steps: Vec<Step>,
}

/// Where a column stands after the steps taken.
#[derive(Clone, Copy)]
struct Shape {
    form: usize,
    shown: bool,
}

impl FitTable {
    pub(super) fn new(headers: Vec<&'static str>, steps: Vec<Step>) -> Self {
        FitTable {
            headers,
            rows: Vec::new(),
            steps,
        }
    }

    pub(super) fn add_row(&mut self, row: Vec<Cell>) {
        debug_assert_eq!(row.len(), self.headers.len());
        self.rows.push(row);
    }

    fn column(&self, header: &str) -> Option<usize> {
        self.headers.iter().position(|h| *h == header)
    }

    /// The width of the table as rendered: each shown column as wide as its widest cell,
    /// two spaces between columns.
    fn width(&self, shapes: &[Shape]) -> usize {
        let widths: Vec<usize> = (0..self.headers.len())
            .filter(|&c| shapes[c].shown)
            .map(|c| {
                self.rows
                    .iter()
                    .map(|row| row[c].text(shapes[c].form).width())
                    .chain([self.headers[c].width()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1)
    }

    /// The steps taken until the table is at most `columns` wide (all of them when it
    /// never is: the narrowest it can be).
    fn fit(&self, columns: usize) -> (Vec<Shape>, Vec<Step>) {
        let mut shapes = vec![
            Shape {
                form: 0,
                shown: true
            };
            self.headers.len()
        ];
        let mut taken = Vec::new();
        for step in &self.steps {
            if self.width(&shapes) <= columns {
                break;
            }
            let (Step::Shorten(header) | Step::Drop(header)) = *step;
            let Some(c) = self.column(header) else {
                continue;
            };
            let before = self.width(&shapes);
            match step {
                Step::Shorten(_) => shapes[c].form += 1,
                Step::Drop(_) => shapes[c].shown = false,
            }
            // A step that changed nothing (a name already short) is not worth a word.
            if self.width(&shapes) < before {
                taken.push(*step);
            }
        }
        (shapes, taken)
    }
}

/// What the steps taken changed, for the note: columns shortened (and still shown), and
/// columns left out.
fn change_note(columns: usize, taken: &[Step]) -> Option<String> {
    let dropped: Vec<&str> = taken
        .iter()
        .filter_map(|s| match s {
            Step::Drop(h) => Some(*h),
            Step::Shorten(_) => None,
        })
        .collect();
    let mut shortened: Vec<&str> = taken
        .iter()
        .filter_map(|s| match s {
            Step::Shorten(h) if !dropped.contains(h) => Some(*h),
            _ => None,
        })
        .collect();
    shortened.dedup();
    let mut parts = Vec::new();
    if !shortened.is_empty() {
        parts.push(format!("{} shortened", shortened.join(", ")));
    }
    if !dropped.is_empty() {
        parts.push(format!("{} left out", dropped.join(", ")));
    }
    (!parts.is_empty()).then(|| {
        format!(
            "Fitted to {columns} columns: {}; `-o json` shows every field.",
            parts.join("; ")
        )
    })
}

/// `text` cut to `keep` characters, `…` marking the cut.
pub(super) fn shorten(text: &str, keep: usize) -> String {
    match text.char_indices().nth(keep) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// The terminal's width when stdout is one: `COLUMNS` when set (as `ls` and clap read
/// it), else what the terminal reports; `None` when piped or unknown (0).
pub(super) fn terminal_columns(stdout_is_terminal: bool) -> Option<usize> {
    if !stdout_is_terminal {
        return None;
    }
    let from_env = std::env::var(env::COLUMNS)
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok());
    let columns = from_env.or_else(|| {
        terminal_size::terminal_size_of(std::io::stdout())
            .map(|(terminal_size::Width(w), _)| usize::from(w))
    })?;
    (columns > 0).then_some(columns)
}

impl Printer {
    /// A table on stdout, fitted to the terminal (see the module docs).
    pub(super) fn fitted(&self, table: FitTable) -> Result<()> {
        let columns = terminal_columns(self.stdout_is_terminal);
        let (shapes, taken) = match columns {
            Some(columns) => table.fit(columns),
            None => (
                vec![
                    Shape {
                        form: 0,
                        shown: true
                    };
                    table.headers.len()
                ],
                Vec::new(),
            ),
        };
        let shown: Vec<usize> = (0..table.headers.len())
            .filter(|&c| shapes[c].shown)
            .collect();
        let headers: Vec<&str> = shown.iter().map(|&c| table.headers[c]).collect();
        let mut out = self.new_table(&headers);
        for row in &table.rows {
            out.add_row(shown.iter().map(|&c| {
                let cell = &row[c];
                let text = comfy_table::Cell::new(cell.text(shapes[c].form));
                match (self.color, cell.color) {
                    (true, Some(color)) => text.fg(color),
                    _ => text,
                }
            }));
        }
        self.data(&render(out))?;
        if let Some(note) = columns.and_then(|c| change_note(c, &taken)) {
            self.note(note);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> FitTable {
        let mut t = FitTable::new(
            vec!["ID", "WHEN", "EXTRA"],
            vec![
                Step::Shorten("WHEN"),
                Step::Drop("EXTRA"),
                Step::Drop("WHEN"),
            ],
        );
        t.add_row(vec![
            Cell::whole("abcdefghij"),
            Cell::forms(vec!["2026-01-01 10:00:00Z".into(), "2026-01-01".into()]),
            Cell::whole("xxxxx"),
        ]);
        t
    }

    #[test]
    fn steps_are_taken_only_until_the_table_fits() {
        let t = table();
        // ID 10 + 2 + WHEN 20 + 2 + EXTRA 5 = 39.
        let (_, taken) = t.fit(39);
        assert!(taken.is_empty());
        let (shapes, taken) = t.fit(29);
        assert_eq!(taken.len(), 1);
        assert_eq!(t.width(&shapes), 29);
        let (shapes, taken) = t.fit(22);
        assert_eq!(taken.len(), 2);
        assert_eq!(t.width(&shapes), 22);
        // Narrower than the id: every step, and the id still whole.
        let (shapes, taken) = t.fit(5);
        assert_eq!(taken.len(), 3);
        assert_eq!(t.width(&shapes), 10);
    }

    #[test]
    fn a_step_that_changes_nothing_is_not_noted() {
        let mut t = FitTable::new(
            vec!["NAME", "X"],
            vec![Step::Shorten("NAME"), Step::Drop("X")],
        );
        t.add_row(vec![
            Cell::forms(vec!["short".into(), "short".into()]),
            Cell::whole("x"),
        ]);
        let (_, taken) = t.fit(5);
        assert!(matches!(taken[..], [Step::Drop("X")]), "{taken:?}");
    }

    #[test]
    fn shorten_marks_the_cut() {
        assert_eq!(shorten("abcdefghijklmnop", 4), "abcd…");
        assert_eq!(shorten("abc", 4), "abc");
        assert_eq!(shorten("ééééé", 2), "éé…");
    }

    #[test]
    fn the_note_names_what_changed() {
        let note = change_note(29, &[Step::Shorten("WHEN")]).unwrap();
        assert_eq!(
            note,
            "Fitted to 29 columns: WHEN shortened; `-o json` shows every field."
        );
        let note = change_note(
            5,
            &[
                Step::Shorten("WHEN"),
                Step::Drop("EXTRA"),
                Step::Drop("WHEN"),
            ],
        )
        .unwrap();
        assert_eq!(
            note,
            "Fitted to 5 columns: EXTRA, WHEN left out; `-o json` shows every field."
        );
        assert_eq!(change_note(80, &[]), None);
    }
}
