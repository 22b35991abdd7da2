//! Tables in the one style: a header row (bold with colour), no borders, two spaces
//! between columns.

use comfy_table::{Cell, ContentArrangement, Table, presets};

use super::Printer;
use crate::cli::ColorChoice;
use crate::env;
use crate::error::Result;

impl Printer {
    /// A plain table on stdout, in the same style as the key table.
    pub(crate) fn rows(&self, header: &[&str], rows: &[Vec<String>]) -> Result<()> {
        let mut table = self.new_table(header);
        for row in rows {
            table.add_row(
                row.iter()
                    .map(|cell| Cell::new(crate::escape::escape(cell))),
            );
        }
        self.data(&render(table))
    }

    /// An empty table in the one style. Never wrapped: a narrow terminal gets fewer or
    /// shorter columns (`fit`), never an id cut over lines.
    pub(super) fn new_table(&self, header: &[&str]) -> Table {
        let mut table = Table::new();
        table.load_style(presets::NOTHING);
        if self.color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        table.set_content_arrangement(ContentArrangement::Disabled);
        table.set_header(header.iter().map(|h| {
            let cell = Cell::new(h);
            if self.color {
                cell.add_attribute(comfy_table::Attribute::Bold)
            } else {
                cell
            }
        }));
        table
    }
}

/// A table as text: two spaces between columns, none at the edges (as kubectl prints).
pub(super) fn render(mut table: Table) -> String {
    for column in table.column_iter_mut() {
        column.set_padding((0, 2));
    }
    table
        .lines()
        .map(|l| format!("{}\n", l.trim_end()))
        .collect()
}

/// Colour with `--color always`; with `auto`, only on a terminal, without `NO_COLOR`,
/// and not on a dumb terminal.
pub(super) fn use_color(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            is_terminal
                && std::env::var_os(env::NO_COLOR).is_none_or(|v| v.is_empty())
                && std::env::var(env::TERM).map_or(true, |t| t != "dumb")
        }
    }
}
