//! `data/corrections.json`: every manual fix to the extracted text, with what
//! kind of error it repairs and how sure the fix is. The extractor applies
//! them; the about page and the open-data downloads show them.

use serde::{Deserialize, Serialize};

/// The file's corrections (its `difference_notes` are the extractor's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectionList {
    /// Text replacements, applied in file order.
    pub corrections: Vec<Correction>,
}

impl CorrectionList {
    /// Parses the file's text (unknown fields, such as the notes, are ignored).
    pub fn from_json(json: &str) -> Result<CorrectionList, serde_json::Error> {
        serde_json::from_str(json)
    }
}

/// One fix: in item `item`'s `field`, `before` (which occurs exactly once)
/// became `after`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// The item's number.
    pub item: u32,
    /// The field: `title`, `overview`, …, or `years.<n>.plan|result`.
    pub field: String,
    /// The text as extracted.
    pub before: String,
    /// The text in the dataset.
    pub after: String,
    /// What kind of error the fix repairs.
    pub kind: CorrectionKind,
    /// Whether the source establishes the fix or it is a guess.
    pub certainty: Certainty,
    /// Why (English, quoting Japanese).
    pub reason: String,
}

/// What kind of error a correction repairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CorrectionKind {
    /// The text extraction misread or broke what the printed page says
    /// (look-alike characters, scrambled rows, layout spaces).
    ExtractionSlip,
    /// The printed document itself has the error.
    AuthorTypo,
    /// The source gives more than one reading; one was chosen.
    ReadingChoice,
}

/// How sure a correction is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// Another place in the source, or the context, establishes the text.
    Certain,
    /// The most likely reading; the source does not establish it.
    Guess,
}

/// How many corrections there are of each kind (in [`CorrectionKind::ALL`]
/// order), and how many are guesses.
///
/// ```
/// use model::corrections::{tally, Certainty, Correction, CorrectionKind};
/// let fix = |kind, certainty| Correction {
///     item: 1, field: "title".into(), before: "a".into(), after: "b".into(),
///     kind, certainty, reason: "r".into(),
/// };
/// let list = [
///     fix(CorrectionKind::ExtractionSlip, Certainty::Certain),
///     fix(CorrectionKind::AuthorTypo, Certainty::Guess),
///     fix(CorrectionKind::ExtractionSlip, Certainty::Guess),
/// ];
/// assert_eq!(tally(&list), ([2, 1, 0], 2));
/// ```
pub fn tally(corrections: &[Correction]) -> ([usize; 3], usize) {
    let by_kind =
        CorrectionKind::ALL.map(|kind| corrections.iter().filter(|c| c.kind == kind).count());
    let guesses = corrections
        .iter()
        .filter(|c| c.certainty == Certainty::Guess)
        .count();
    (by_kind, guesses)
}

impl CorrectionKind {
    /// Every kind, in the order the about page counts them.
    pub const ALL: [CorrectionKind; 3] = [
        CorrectionKind::ExtractionSlip,
        CorrectionKind::AuthorTypo,
        CorrectionKind::ReadingChoice,
    ];
}
