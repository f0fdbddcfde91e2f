//! The coordinating section's compilation: the sections' report files of a
//! year gathered into the next edition of the dataset, with a changelog.
//!
//! Each file is read like an import ([`super::import`] for JSON,
//! [`super::import_sheet`] for a workbook or CSV) against the current
//! edition, so a stale file (another edition), a file of another year and a
//! file that is not a report are refused with the import's own error and
//! contribute nothing. [`review`] then says which sections sent nothing,
//! where two files disagree (each needs a [`Decisions`] choice) and which
//! changes touch items the sending section is not responsible for (left out
//! unless accepted). [`compile`] writes the next edition.

use std::collections::{BTreeMap, BTreeSet};

use crate::drafts::export::csv_table;
use crate::drafts::import::{ImportChange, ImportError, ImportPreview};
use crate::drafts::path::FieldPath;
use crate::drafts::section::sections;
use crate::drafts::value::{apply, FieldValue};
use crate::edition;
use crate::Dataset;

/// One section's file, read and checked against the current edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    /// The file's name, as chosen (names files in the review and changelog).
    pub file: String,
    /// The section that sent it: the one its contents name (a report's
    /// `section`, or its rows' 課所), else the one its name gives
    /// (「令和5年度報告_行政管理課_…」), if either says.
    pub section: Option<String>,
    /// Its changes (those that differ from the published values).
    pub changes: Vec<ImportChange>,
    /// The report its name gives, when its contents name another section
    /// or year: the contents are followed, and the coordinator is told.
    pub name_differs: Option<NamedReport>,
}

/// The section and year a report's file name gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedReport {
    /// The 令和 year.
    pub year: u8,
    /// The section.
    pub section: String,
}

/// A file that contributes nothing, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The file's name.
    pub file: String,
    /// Why (worded by the app, as for an import).
    pub error: ImportError,
}

/// The section a report's file name gives: `令和5年度報告_行政管理課_20261125-1830.xlsx`
/// → (5, 「行政管理課」), as [`super::section_file_name`] writes it.
///
/// # Examples
/// ```
/// use model::drafts::section_in_file_name;
/// assert_eq!(
///     section_in_file_name("令和5年度報告_行政管理課_20261125-1830 (1).xlsx"),
///     Some((5, "行政管理課".to_string()))
/// );
/// assert_eq!(section_in_file_name("drafts.json"), None);
/// ```
pub fn section_in_file_name(name: &str) -> Option<(u8, String)> {
    let rest = name.strip_prefix("令和")?;
    let (year, rest) = rest.split_once("年度報告_")?;
    let (section, _) = rest.rsplit_once('_')?;
    let year = year.parse::<u8>().ok()?;
    (!section.is_empty()).then(|| (year, section.to_string()))
}

/// A file's import preview as a submission for the report on `year`: its
/// section, and refused if it reports on another year.
///
/// What the file says inside wins over its name, which mail clients,
/// shared folders and people change (「報告 (1).xlsx」): the name is used
/// only for what the contents leave unsaid, and a name that contradicts the
/// contents is kept in [`Submission::name_differs`] for the coordinator to see.
pub fn submission(file: &str, preview: ImportPreview, year: u8) -> Result<Submission, ImportError> {
    let named = section_in_file_name(file).map(|(year, section)| NamedReport { year, section });
    let file_year = preview.reporting_year.or(named.as_ref().map(|n| n.year));
    if let Some(file_year) = file_year.filter(|y| *y != year) {
        return Err(ImportError::OtherReportingYear {
            file: file_year,
            here: year,
        });
    }
    let name_differs = named.clone().filter(|named| {
        preview
            .section
            .as_ref()
            .is_some_and(|s| *s != named.section)
            || preview.reporting_year.is_some_and(|y| y != named.year)
    });
    Ok(Submission {
        file: file.to_string(),
        section: preview.section.or(named.map(|n| n.section)),
        changes: preview.changes,
        name_differs,
    })
}

/// A section and the files it sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionStatus {
    /// The section's name.
    pub name: String,
    /// How many items it reports on.
    pub items: usize,
    /// The files it sent, in the order given; empty when it sent none.
    pub files: Vec<String>,
}

/// A field that files set to different values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The item number.
    pub item: u32,
    /// The field.
    pub path: FieldPath,
    /// Each differing value, with the files that sent it (in the order given).
    pub offers: Vec<Offer>,
}

/// A value sent for a field, and the files that sent it.
pub type Offer = (FieldValue, Vec<String>);

/// A change to an item that the sending section is not responsible for
/// (or from a file whose section is not known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Foreign {
    /// The file.
    pub file: String,
    /// The file's section, if known.
    pub section: Option<String>,
    /// The item number.
    pub item: u32,
    /// The field.
    pub path: FieldPath,
}

/// What the coordinator reviews before compiling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// Every section, with the files it sent.
    pub sections: Vec<SectionStatus>,
    /// Files sent by no section of the data (their section unknown or not one of the 49).
    pub unassigned: Vec<String>,
    /// Fields that files disagree on, by item then field.
    pub conflicts: Vec<Conflict>,
    /// Changes outside the sending section's items.
    pub foreign: Vec<Foreign>,
}

impl Review {
    /// The sections that sent no file.
    pub fn missing(&self) -> impl Iterator<Item = &SectionStatus> + '_ {
        self.sections.iter().filter(|s| s.files.is_empty())
    }
}

/// Sections, conflicts and foreign changes of the submissions.
pub fn review(dataset: &Dataset, submissions: &[Submission]) -> Review {
    let all = sections(dataset);
    let mut statuses: Vec<SectionStatus> = all
        .iter()
        .map(|s| SectionStatus {
            name: s.name.clone(),
            items: s.items.len(),
            files: Vec::new(),
        })
        .collect();
    let mut unassigned = Vec::new();
    let mut foreign = Vec::new();
    let mut values: BTreeMap<(u32, FieldPath), Vec<Offer>> = BTreeMap::new();
    for sub in submissions {
        let section = sub
            .section
            .as_ref()
            .and_then(|name| all.iter().position(|s| s.name == *name));
        match section {
            Some(index) => statuses[index].files.push(sub.file.clone()),
            None => unassigned.push(sub.file.clone()),
        }
        for change in &sub.changes {
            let owns = section.is_some_and(|index| all[index].items.contains(&change.item));
            if !owns {
                foreign.push(Foreign {
                    file: sub.file.clone(),
                    section: sub.section.clone(),
                    item: change.item,
                    path: change.path,
                });
            }
            let offers = values.entry((change.item, change.path)).or_default();
            match offers
                .iter_mut()
                .find(|(value, _)| *value == change.incoming)
            {
                Some((_, files)) => files.push(sub.file.clone()),
                None => offers.push((change.incoming.clone(), vec![sub.file.clone()])),
            }
        }
    }
    let conflicts = values
        .into_iter()
        .filter(|(_, offers)| offers.len() > 1)
        .map(|((item, path), offers)| Conflict { item, path, offers })
        .collect();
    Review {
        sections: statuses,
        unassigned,
        conflicts,
        foreign,
    }
}

/// The coordinator's decisions: the file whose value wins each conflict,
/// and the foreign changes accepted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decisions {
    winners: BTreeMap<(u32, FieldPath), String>,
    accepted: BTreeSet<(String, u32, FieldPath)>,
}

impl Decisions {
    /// No decisions yet.
    pub fn new() -> Decisions {
        Decisions::default()
    }

    /// The value of `file` wins the conflict on the field.
    pub fn choose(&mut self, item: u32, path: FieldPath, file: &str) {
        self.winners.insert((item, path), file.to_string());
    }

    /// The file chosen for a conflict, if any.
    pub fn chosen(&self, item: u32, path: FieldPath) -> Option<&str> {
        self.winners.get(&(item, path)).map(String::as_str)
    }

    /// Accepts (or leaves out again) a foreign change.
    pub fn accept(&mut self, file: &str, item: u32, path: FieldPath, accepted: bool) {
        let key = (file.to_string(), item, path);
        if accepted {
            self.accepted.insert(key);
        } else {
            self.accepted.remove(&key);
        }
    }

    /// Whether a foreign change is accepted.
    pub fn is_accepted(&self, file: &str, item: u32, path: FieldPath) -> bool {
        self.accepted.contains(&(file.to_string(), item, path))
    }
}

/// One change of the next edition, field by field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    /// The item number.
    pub item: u32,
    /// The field.
    pub path: FieldPath,
    /// The value in the current edition.
    pub before: FieldValue,
    /// The value in the next edition.
    pub after: FieldValue,
    /// The file it came from.
    pub file: String,
}

/// The next edition and how it differs from the current one.
#[derive(Debug, Clone, PartialEq)]
pub struct Compiled {
    /// The dataset of the next edition (same schema).
    pub dataset: Dataset,
    /// Every changed field, by item then field.
    pub changelog: Vec<LogEntry>,
}

/// Conflicts left undecided; nothing was compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undecided(pub Vec<(u32, FieldPath)>);

/// The next edition: the current dataset with every submitted change (a
/// conflict takes the chosen file's value; a foreign change only if
/// accepted), its results dated 「令和{year}年度末」, published on
/// `published_on` (as the edition's date is written, 「令和6年5月10日」),
/// its version's minor number raised.
pub fn compile(
    dataset: &Dataset,
    submissions: &[Submission],
    decisions: &Decisions,
    year: u8,
    published_on: &str,
) -> Result<Compiled, Undecided> {
    let found = review(dataset, submissions);
    let undecided: Vec<(u32, FieldPath)> = found
        .conflicts
        .iter()
        .filter(|c| {
            decisions.chosen(c.item, c.path).is_none_or(|file| {
                !c.offers
                    .iter()
                    .any(|(_, files)| files.iter().any(|f| f == file))
            })
        })
        .map(|c| (c.item, c.path))
        .collect();
    if !undecided.is_empty() {
        return Err(Undecided(undecided));
    }
    let is_foreign = |file: &str, item: u32, path: FieldPath| {
        found
            .foreign
            .iter()
            .any(|f| f.file == file && f.item == item && f.path == path)
    };
    let mut next = dataset.clone();
    // Which file each applied field came from.
    let mut from: BTreeMap<(u32, FieldPath), &str> = BTreeMap::new();
    for sub in submissions {
        for change in &sub.changes {
            let key = (change.item, change.path);
            if from.contains_key(&key) {
                continue;
            }
            if let Some(winner) = decisions.chosen(change.item, change.path) {
                let in_conflict = found.conflicts.iter().any(|c| (c.item, c.path) == key);
                if in_conflict && winner != sub.file {
                    continue;
                }
            }
            if is_foreign(&sub.file, change.item, change.path)
                && !decisions.is_accepted(&sub.file, change.item, change.path)
            {
                continue;
            }
            let Some(item) = next.items.iter_mut().find(|i| i.no == change.item) else {
                continue;
            };
            // Every value was normalized and checked when the file was read.
            if apply(item, change.path, change.incoming.clone()).is_ok() {
                from.insert(key, &sub.file);
            }
        }
    }
    // The changelog is what the editions differ by, as the item pages of
    // the next edition will mark it, each field with the file it came from.
    let changelog = edition::changes(dataset, &next)
        .into_iter()
        .map(|change| LogEntry {
            file: from
                .get(&(change.item, change.path))
                .map(|file| file.to_string())
                .unwrap_or_default(),
            item: change.item,
            path: change.path,
            before: change.before,
            after: change.after,
        })
        .collect();
    let meta = &mut next.meta;
    let status_as_of = format!("令和{year}年度末");
    // The title names the edition (「…アクションプログラム 令和4年度末取組状況」).
    meta.title = meta.title.replace(&meta.status_as_of, &status_as_of);
    meta.status_as_of = status_as_of;
    meta.edition_published = Some(published_on.to_string());
    meta.edition_date_note = format!(
        "この版は、各課所の令和{year}年度の報告を取りまとめ、{published_on}に作成されました。"
    );
    meta.version = next_minor(&meta.version);
    Ok(Compiled {
        dataset: next,
        changelog,
    })
}

/// The columns of [`changelog_csv`].
pub const CHANGELOG_HEADERS: [&str; 7] = [
    "項目番号",
    "取組項目名",
    "欄",
    "欄の名称",
    "変更前",
    "変更後",
    "ファイル",
];

/// The changelog as CSV for Excel (UTF-8 with a BOM, CRLF, one row per
/// changed field; titles from `dataset`, the current edition).
pub fn changelog_csv(compiled: &Compiled, dataset: &Dataset) -> String {
    let rows = compiled.changelog.iter().map(|entry| {
        vec![
            entry.item.to_string(),
            dataset
                .item(entry.item)
                .map(|i| i.title.clone())
                .unwrap_or_default(),
            entry.path.to_string(),
            entry.path.label_ja(),
            entry.before.to_text(),
            entry.after.to_text(),
            entry.file.clone(),
        ]
    });
    csv_table(&CHANGELOG_HEADERS, rows)
}

/// `2.0.0` → `2.1.0` (a new edition adds data; the schema is unchanged).
fn next_minor(version: &str) -> String {
    let mut parts = version.split('.').map(|p| p.parse::<u64>().unwrap_or(0));
    let major = parts.next().unwrap_or(0);
    let minor = parts.next().unwrap_or(0);
    format!("{major}.{}.0", minor + 1)
}
