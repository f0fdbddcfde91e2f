//! The open-data files of the site (`open-data/` in the build): the dataset,
//! its JSON Schema, the indicators and the corrections as JSON, and CSV
//! tables of each for spreadsheets. Written by every build, so the files a
//! citizen downloads are the data the pages show, and precached with the
//! rest of the site for offline use. `model::open_data` names them and
//! shapes the tables.

use std::path::Path;

use anyhow::{Context, Result};
use model::corrections::CorrectionList;
use model::open_data::{self, OpenFile, Table};
use model::Dataset;

/// Spreadsheets (Excel above all) read UTF-8 only when the file starts with
/// a byte order mark; the national rules ask for the encoding to be stated.
const BOM: &str = "\u{FEFF}";

/// Writes every open-data file into `dir/open-data/`.
pub fn write(root: &Path, dir: &Path) -> Result<()> {
    let data = crate::edition::data_dir(root);
    let read = |name: &str| {
        std::fs::read_to_string(data.join(name)).with_context(|| format!("reading data/{name}"))
    };
    // The current edition, as the app embeds it.
    let (edition, dataset) = crate::edition::current(&data)?;
    let dataset_json = std::fs::read_to_string(&edition)
        .with_context(|| format!("reading {}", edition.display()))?;
    let indicators_json = read("indicators.json")?;
    let corrections_json = read("corrections.json")?;
    let indicators = model::indicators::parse(&indicators_json).context("data/indicators.json")?;
    let corrections =
        CorrectionList::from_json(&corrections_json).context("data/corrections.json")?;

    let folder = dir.join(open_data::FOLDER);
    std::fs::create_dir_all(&folder)?;
    let meta = &dataset.meta;
    for file in OpenFile::ALL {
        let text = match file {
            OpenFile::DatasetJson => dataset_json.clone(),
            OpenFile::DatasetSchema => schema()?,
            OpenFile::IndicatorsJson => indicators_json.clone(),
            OpenFile::CorrectionsJson => corrections_json.clone(),
            OpenFile::ItemsCsv => csv(&open_data::items_table(&dataset))?,
            OpenFile::YearsCsv => csv(&open_data::years_table(&dataset))?,
            OpenFile::IndicatorsCsv => csv(&open_data::indicators_table(&indicators))?,
            OpenFile::CorrectionsCsv => {
                csv(&open_data::corrections_table(&corrections.corrections))?
            }
        };
        let path = folder.join(file.file_name(meta));
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    println!(
        "open data: {} files in {}/",
        OpenFile::ALL.len(),
        open_data::FOLDER
    );
    Ok(())
}

/// The JSON Schema of the dataset file, made from the model's types, so it
/// documents every field with the same words as `model/src/lib.rs`.
pub fn schema() -> Result<String> {
    let schema = schemars::schema_for!(Dataset);
    let mut json = serde_json::to_string_pretty(&schema)?;
    json.push('\n');
    Ok(json)
}

/// A table as CSV (RFC 4180: quoted where needed, CRLF), with the BOM.
pub fn csv(table: &Table) -> Result<String> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(&table.header)?;
    for row in &table.rows {
        writer.write_record(row)?;
    }
    let bytes = writer.into_inner().context("finishing the CSV")?;
    Ok(format!("{BOM}{}", String::from_utf8(bytes)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> std::path::PathBuf {
        crate::project_root()
    }

    fn dataset() -> Dataset {
        Dataset::from_json(
            &std::fs::read_to_string(root().join("data/action-program.json")).unwrap(),
        )
        .unwrap()
    }

    /// A table written as CSV and read back by a CSV reader: header and rows.
    fn read_back(table: &Table) -> (csv::StringRecord, Vec<csv::StringRecord>) {
        let text = csv(table).unwrap();
        let body = text.strip_prefix(BOM).expect("starts with a BOM");
        let mut reader = csv::Reader::from_reader(body.as_bytes());
        let header = reader.headers().unwrap().clone();
        (header, reader.records().map(Result::unwrap).collect())
    }

    /// The long table reads back as 61 items × 5 years, every plan and
    /// every reported result in place, through a CSV reader.
    #[test]
    fn the_years_csv_holds_every_plan_and_result() {
        let dataset = dataset();
        let (header, rows) = read_back(&open_data::years_table(&dataset));
        let column = |name: &str| header.iter().position(|h| h == name).unwrap();
        assert_eq!(rows.len(), 61 * 5);
        for (row, (item, year)) in rows.iter().zip(
            dataset
                .items
                .iter()
                .flat_map(|i| i.years.iter().map(move |y| (i, y))),
        ) {
            assert_eq!(row[column("項目番号")], item.no.to_string());
            assert_eq!(
                row[column("年度（西暦）")],
                (2018 + u16::from(year.year)).to_string()
            );
            assert_eq!(row[column("取組計画（数値目標）")], year.plan.join("\n"));
            assert_eq!(
                row[column("実績（効果額）")],
                year.result
                    .as_ref()
                    .map(|r| r.join("\n"))
                    .unwrap_or_default()
            );
        }
    }

    /// One row per item, each naming the edition it belongs to (files of
    /// several editions can be put together), with the TOC differences
    /// labelled as the source labels its fields.
    #[test]
    fn the_items_csv_has_a_row_per_item_naming_its_edition() {
        let dataset = dataset();
        let (header, rows) = read_back(&open_data::items_table(&dataset));
        let column = |name: &str| header.iter().position(|h| h == name).unwrap();
        assert_eq!(rows.len(), 61);
        for (row, item) in rows.iter().zip(&dataset.items) {
            assert_eq!(row[column("項目番号")], item.no.to_string());
            assert_eq!(&row[column("取組状況の時点")], "令和4年度末");
            assert_eq!(row[column("担当課所")], item.sections.join("\n"));
        }
        let differences = &rows[0][column("目次との違い")];
        assert!(
            differences.starts_with("取組項目名: 目次「電子申請手続の利用促進」"),
            "{differences}"
        );
        let item_33 = &rows[32][column("目次との違い")];
        assert!(item_33.starts_with("体系項目: "), "{item_33}");
    }

    #[test]
    fn the_schema_describes_the_dataset() {
        let schema: serde_json::Value = serde_json::from_str(&schema().unwrap()).unwrap();
        let text = schema.to_string();
        for field in [
            "status_as_of",
            "edition_date_note",
            "preface",
            "icon_gap",
            "cell",
        ] {
            assert!(text.contains(field), "{field}");
        }
    }
}
