//! `data/corrections.json`: every manual fix, and the notes that explain the
//! differences between the TOC and the item tables.

use anyhow::{bail, ensure, Context, Result};
use model::drafts::FieldPath;
use serde::Deserialize;
use std::cell::Cell;

/// The file's content.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    /// Text replacements, applied in file order.
    pub corrections: Vec<Correction>,
    /// One note per difference between the TOC and an item table.
    pub difference_notes: Vec<DifferenceNote>,
}

pub use model::corrections::Correction;

/// Explains one difference between the TOC and the item table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DifferenceNote {
    pub item: u32,
    pub field: String,
    pub note: String,
}

/// The corrections, with a record of which ones were applied.
pub struct Corrections {
    file: File,
    applied: Vec<Cell<bool>>,
    used_notes: Vec<Cell<bool>>,
}

/// Source cells a correction may name that are not editable fields.
///
/// Corrections fix the source's text before it is parsed, so they name cells
/// where [`FieldPath`] names parsed values. Two cells differ: `sdgs` is the
/// SDG cell's text (the editable `sdgs.goals` holds the goals read from it),
/// and `framework` is 改革の体系項目, from which the pillar and category are
/// read (which are not editable).
const SOURCE_CELLS: [&str; 2] = ["sdgs", "framework"];

/// The fields a correction may name: an editable [`FieldPath`] (years as
/// `years.<n>.plan|result`) other than `sdgs.goals`, or one of [`SOURCE_CELLS`].
pub fn is_known_field(field: &str) -> bool {
    SOURCE_CELLS.contains(&field)
        || field
            .parse::<FieldPath>()
            .is_ok_and(|path| path != FieldPath::SdgGoals)
}

impl Corrections {
    pub fn parse(json: &str) -> Result<Corrections> {
        let file: File =
            serde_json::from_str(json).context("data/corrections.json is not valid")?;
        for (i, c) in file.corrections.iter().enumerate() {
            ensure!(
                is_known_field(&c.field),
                "correction #{} (item {}): unknown field {:?}",
                i + 1,
                c.item,
                c.field
            );
            ensure!(
                !c.before.is_empty() && c.before != c.after && !c.reason.trim().is_empty(),
                "correction #{} (item {}, {}): needs a non-empty `before`, a different `after` and a reason",
                i + 1,
                c.item,
                c.field
            );
        }
        let applied = file.corrections.iter().map(|_| Cell::new(false)).collect();
        let used_notes = file
            .difference_notes
            .iter()
            .map(|_| Cell::new(false))
            .collect();
        Ok(Corrections {
            file,
            applied,
            used_notes,
        })
    }

    /// Applies, in file order, every correction for `item`'s `field` to `text`.
    pub fn apply(&self, item: u32, field: &str, text: &str) -> Result<String> {
        debug_assert!(is_known_field(field), "{field}");
        let mut text = text.to_string();
        for (i, c) in self.file.corrections.iter().enumerate() {
            if c.item != item || c.field != field {
                continue;
            }
            let found = text.matches(c.before.as_str()).count();
            if found != 1 {
                bail!(
                    "correction #{} (item {item}, {field}): `before` {:?} occurs {found} times \
                     (it must occur exactly once) in {:?}",
                    i + 1,
                    c.before,
                    text
                );
            }
            text = text.replacen(c.before.as_str(), &c.after, 1);
            self.applied[i].set(true);
        }
        Ok(text)
    }

    /// The note explaining a difference; an error if there is none.
    pub fn note(&self, item: u32, field: &str, toc: &str, table: &str) -> Result<String> {
        let found: Vec<usize> = (0..self.file.difference_notes.len())
            .filter(|&i| {
                let n = &self.file.difference_notes[i];
                n.item == item && n.field == field
            })
            .collect();
        match found.as_slice() {
            [i] => {
                self.used_notes[*i].set(true);
                Ok(self.file.difference_notes[*i].note.clone())
            }
            [] => bail!(
                "item {item}: the TOC's {field} ({toc:?}) differs from the item table's ({table:?}); \
                 explain it in data/corrections.json (difference_notes)"
            ),
            _ => bail!("item {item}: more than one difference note for {field}"),
        }
    }

    /// Fails unless every correction was applied and every note was used.
    pub fn finish(&self) -> Result<()> {
        for (c, applied) in self.file.corrections.iter().zip(&self.applied) {
            ensure!(
                applied.get(),
                "correction for item {}, {} ({:?} → {:?}) was never applied: is the field right?",
                c.item,
                c.field,
                c.before,
                c.after
            );
        }
        for (n, used) in self.file.difference_notes.iter().zip(&self.used_notes) {
            ensure!(
                used.get(),
                "difference note for item {}, {} matches no difference",
                n.item,
                n.field
            );
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(before: &str) -> Corrections {
        let json = format!(
            r#"{{"corrections": [{{"item": 1, "field": "title", "before": "{before}", "after": "X", "kind": "extraction_slip", "certainty": "certain", "reason": "test"}}], "difference_notes": []}}"#
        );
        Corrections::parse(&json).unwrap()
    }

    #[test]
    fn a_correction_applies_exactly_once() {
        let c = one("b");
        assert_eq!(c.apply(1, "title", "abc").unwrap(), "aXc");
        assert!(c.finish().is_ok());
        assert!(one("b").apply(1, "title", "abcb").is_err());
        assert!(one("z").apply(1, "title", "abc").is_err());
    }

    #[test]
    fn an_unapplied_correction_fails() {
        let c = one("b");
        c.apply(2, "title", "abc").unwrap();
        assert!(c.finish().is_err());
    }

    #[test]
    fn a_correction_needs_a_kind_and_certainty() {
        let json = r#"{"corrections": [{"item": 1, "field": "title", "before": "b", "after": "X", "reason": "test"}], "difference_notes": []}"#;
        assert!(Corrections::parse(json).is_err());
    }

    #[test]
    fn a_correction_names_a_source_cell() {
        for field in [
            "title",
            "smart_city",
            "sdgs",
            "framework",
            "years.3.plan",
            "years.7.result",
        ] {
            assert!(is_known_field(field), "{field}");
        }
        for field in [
            "sdgs.goals",
            "years.2.plan",
            "years.8.result",
            "years.05.plan",
            "pillar",
            "",
        ] {
            assert!(!is_known_field(field), "{field}");
        }
    }

    #[test]
    fn a_difference_needs_a_note() {
        let c = one("b");
        assert!(c.note(1, "title", "a", "b").is_err());
    }
}
