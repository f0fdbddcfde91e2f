//! 「このサイトについて」: the source, how the data was made, and its limits.

use leptos::prelude::*;
use serde::Deserialize;

use crate::data::app_data;

static CORRECTIONS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/corrections.json"));

/// One recorded fix to the extracted text (see data/corrections.json).
#[derive(Deserialize)]
struct Correction {
    item: u32,
    field: String,
    before: String,
    after: String,
    reason: String,
}

#[derive(Deserialize)]
struct Corrections {
    corrections: Vec<Correction>,
}

/// The about page.
#[component]
pub fn AboutScreen() -> impl IntoView {
    let meta = &app_data().dataset.meta;
    let estimated = app_data()
        .dataset
        .items
        .iter()
        .filter(|i| i.sdgs.basis == model::SdgBasis::Estimated)
        .count();
    view! {
        <article class="about" aria-labelledby="about-heading">
            <h2 id="about-heading" tabindex="-1">"このサイトについて"</h2>
            <section>
                <h3>"出典"</h3>
                <p>
                    {format!(
                        "{}「{}」（{}策定、{}時点の取組状況）の全61項目を、検索・閲覧しやすい形にしたものです。",
                        meta.issuer, meta.title, meta.published, meta.status_as_of
                    )}
                    "各項目のページに、原資料のページ番号を示しています。"
                </p>
            </section>
            <section>
                <h3>"データの作り方と修正"</h3>
                <p>
                    "原資料のPDFから取り出したテキストを、プログラムで表の形に読み直しています。"
                    "箇条書きや表の区切りは、文や項目の区切りとして復元しました。"
                    "文字の読み取り誤り（例：「府内」→「庁内」、「手續」→「手続」）は修正し、修正はすべて記録しています（下の一覧）。"
                    "目次と各項目の表とで表記が異なる箇所は両方を残し、項目のページに「原資料の目次との違い」として示しています。"
                </p>
                <CorrectionList/>
                <p>
                    <a href="corrections.json" download="corrections.json">"修正の一覧をダウンロード（JSON形式）"</a>
                </p>
            </section>
            <section>
                <h3>"SDGsの目標が「推定」になっている理由"</h3>
                <p>
                    "原資料では、各項目に該当するSDGsの目標がアイコン（画像）で示されていましたが、テキストには残りませんでした。"
                    {format!(
                        "目標名が文字で書かれている4項目を除く{estimated}項目は、取組内容から目標を推定し、点線の枠と「推定」の表示で区別しています。"
                    )}
                    "推定の理由は各項目のページにあります。"
                </p>
            </section>
            <section>
                <h3>"ブックマークと下書き"</h3>
                <p>
                    "ブックマークや職員の下書きは、この端末のこのブラウザにだけ保存され、どこにも送信されません。"
                    "別の端末に移すには、ブックマークは共有用のリンク、下書きはファイルの書き出しを使ってください。"
                    "共用の端末では、ページ下部の「この端末のデータを消去」で消去できます。"
                </p>
            </section>
            <section>
                <h3>"誤りを見つけたら"</h3>
                <p>
                    "内容の誤りに気づいた場合は、項目番号と該当箇所（例：「No.25 令和4年度の実績」）を添えて、上田市の担当課へお知らせください。"
                    "このサイトのデータの誤りは、修正の記録に加えて直します。"
                </p>
            </section>
        </article>
    }
}

/// Every recorded correction, in a table behind a disclosure (111 rows).
#[component]
fn CorrectionList() -> impl IntoView {
    let corrections = serde_json::from_str::<Corrections>(CORRECTIONS_JSON)
        .map(|c| c.corrections)
        .unwrap_or_default();
    let count = corrections.len();
    let rows = corrections
        .into_iter()
        .map(|c| {
            view! {
                <tr>
                    <td>{format!("No.{}", c.item)}</td>
                    <td>{c.field}</td>
                    <td>{c.before}</td>
                    <td>{c.after}</td>
                    <td lang="en">{c.reason}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <details class="corrections">
            <summary>{format!("修正の一覧（{count}件）を表示")}</summary>
            <div class="table-scroll" role="region" aria-label="修正の一覧" tabindex="0">
                <table>
                    <caption>"抽出したテキストに加えた修正（理由は英語で記録しています）"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"項目"</th>
                            <th scope="col">"欄"</th>
                            <th scope="col">"修正前"</th>
                            <th scope="col">"修正後"</th>
                            <th scope="col">"理由"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </details>
    }
}
