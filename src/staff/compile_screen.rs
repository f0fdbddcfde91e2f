//! 「報告の取りまとめ」 (`?view=compile`): the coordinating section drops
//! the sections' report files (many at once), sees who sent what, decides
//! conflicts and foreign changes, and downloads the next edition with its
//! changelog. Nothing here is stored: the files are the record.

use leptos::prelude::*;
use model::drafts::{
    self, Compiled, Decisions, FieldPath, FieldValue, Refused, Review, Submission,
};
use model::edition::EditionChanges;

use super::import_tool::{chosen_file_bytes, read_file, ValueView};
use super::workbench::{reporting_year, YearChoice};
use crate::components::item_table::{ItemTable, SourceNotes};
use crate::data::app_data;
use crate::download::save_file;
use crate::i18n::staff::use_staff_texts;
use crate::i18n::use_page_texts;

/// The files read so far: those that count, and those refused.
#[derive(Clone, Default)]
struct Gathered {
    submissions: Vec<Submission>,
    refused: Vec<Refused>,
}

/// The compilation screen.
#[component]
pub fn CompileScreen() -> impl IntoView {
    let s = use_staff_texts();
    let t = use_page_texts();
    let year = reporting_year();
    let gathered = RwSignal::new(Gathered::default());
    let decisions = RwSignal::new(Decisions::new());
    // Files are checked against the year when read: a change of year
    // starts over.
    Effect::watch(
        move || year.get(),
        move |_, _, _| {
            gathered.set(Gathered::default());
            decisions.set(Decisions::new());
        },
        false,
    );
    let review =
        Memo::new(move |_| gathered.with(|g| drafts::review(&app_data().dataset, &g.submissions)));
    view! {
        <article class="compile" aria-labelledby="compile-heading">
            <h2 id="compile-heading" tabindex="-1">{t.compile_heading}</h2>
            <p class="hint">{s.compile_intro}</p>
            <div class="workbench-settings">
                <YearChoice year/>
            </div>
            <FileDrop gathered year/>
            <RefusedFiles gathered/>
            <NameNotes gathered year/>
            <Show when=move || gathered.with(|g| !g.submissions.is_empty())>
                <SectionTable review/>
                <Conflicts review decisions/>
                <ForeignChanges review decisions/>
                <WriteEdition gathered decisions year/>
            </Show>
        </article>
    }
}

/// Many files at once, chosen or dropped; each is read and sorted into
/// submissions and refused files (a file already read is replaced).
#[component]
fn FileDrop(gathered: RwSignal<Gathered>, year: Memo<u8>) -> impl IntoView {
    let s = use_staff_texts();
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let (over, set_over) = signal(false);
    let take = move |files: web_sys::FileList| {
        for index in 0..files.length() {
            let Some(file) = files.get(index) else {
                continue;
            };
            let name = file.name();
            leptos::task::spawn_local(async move {
                let result = match chosen_file_bytes(&file).await {
                    Ok(bytes) => read_file(&bytes, &drafts::Drafts::new()).and_then(|preview| {
                        drafts::submission(&name, preview, year.get_untracked())
                    }),
                    Err(error) => Err(error),
                };
                gathered.update(|g| {
                    g.submissions.retain(|sub| sub.file != name);
                    g.refused.retain(|r| r.file != name);
                    match result {
                        Ok(sub) => g.submissions.push(sub),
                        Err(error) => g.refused.push(Refused { file: name, error }),
                    }
                });
            });
        }
    };
    let on_change = move |_| {
        if let Some(files) = input_ref.get().and_then(|input| input.files()) {
            take(files);
        }
        if let Some(input) = input_ref.get_untracked() {
            input.set_value("");
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        set_over.set(false);
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            take(files);
        }
    };
    view! {
        <div
            class="file-drop"
            class:over=over
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                set_over.set(true);
            }
            on:dragleave=move |_| set_over.set(false)
            on:drop=on_drop
        >
            <label class="file-label">
                {s.compile_files_label}
                <input
                    type="file"
                    multiple
                    accept=".json,.xlsx,.csv"
                    node_ref=input_ref
                    on:change=on_change
                />
            </label>
            <p class="hint">{s.compile_drop_hint}</p>
        </div>
    }
}

/// Files that count for nothing, each with the reason, as an alert.
#[component]
fn RefusedFiles(gathered: RwSignal<Gathered>) -> impl IntoView {
    let s = use_staff_texts();
    move || {
        let refused = gathered.with(|g| g.refused.clone());
        (!refused.is_empty()).then(|| {
            view! {
                <div class="refused-files" role="alert">
                    <p>{(s.compile_refused)(refused.len())}</p>
                    <ul>
                        {refused
                            .into_iter()
                            .map(|r| view! { <li><span lang="ja">{r.file}</span>": "{(s.import_error)(&r.error)}</li> })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// Files whose names name another report than their contents: said, since
/// the coordinator may know the file by its name.
#[component]
fn NameNotes(gathered: RwSignal<Gathered>, year: Memo<u8>) -> impl IntoView {
    let s = use_staff_texts();
    move || {
        let notes: Vec<String> = gathered.with(|g| {
            g.submissions
                .iter()
                .filter_map(|sub| {
                    let named = sub.name_differs.as_ref()?;
                    let section = sub.section.as_deref().unwrap_or(s.compile_unknown_section);
                    Some((s.compile_name_differs)(
                        &sub.file,
                        &named.section,
                        named.year,
                        section,
                        year.get(),
                    ))
                })
                .collect()
        });
        (!notes.is_empty()).then(|| {
            view! {
                <div class="notice notice-info name-notes" role="status">
                    <ul>{notes.into_iter().map(|note| view! { <li>{note}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}

/// Every section: how many items, which files it sent, or 「未提出」.
#[component]
fn SectionTable(review: Memo<Review>) -> impl IntoView {
    let s = use_staff_texts();
    let t = use_page_texts();
    view! {
        <section aria-labelledby="sections-heading">
            <h3 id="sections-heading">{s.compile_sections_heading}</h3>
            <p>
                {move || review.with(|r| {
                    let missing = r.missing().count();
                    (s.compile_sections_summary)(r.sections.len() - missing, missing)
                })}
            </p>
            {move || review.with(|r| (!r.unassigned.is_empty()).then(|| view! {
                <p class="notice notice-warning">{(s.compile_unassigned)(&r.unassigned.join(t.list_separator))}</p>
            }))}
            <table class="compile-sections">
                <thead>
                    <tr>
                        <th scope="col">{s.section_label}</th>
                        <th scope="col">{s.compile_items_column}</th>
                        <th scope="col">{s.compile_files_column}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || review.with(|r| r.sections.iter().map(|section| {
                        let missing = section.files.is_empty();
                        view! {
                            <tr class:missing=missing>
                                <th scope="row" lang="ja">{section.name.clone()}</th>
                                <td>{section.items}</td>
                                <td>
                                    {if missing {
                                        s.compile_missing.to_string()
                                    } else {
                                        section.files.join(t.list_separator)
                                    }}
                                </td>
                            </tr>
                        }
                    }).collect_view())}
                </tbody>
            </table>
        </section>
    }
}

/// A field that files disagree on: one choice per conflict.
#[component]
fn Conflicts(review: Memo<Review>, decisions: RwSignal<Decisions>) -> impl IntoView {
    let s = use_staff_texts();
    let t = use_page_texts();
    move || {
        review.with(|r| {
            (!r.conflicts.is_empty()).then(|| {
                let rows = r
                    .conflicts
                    .iter()
                    .map(|conflict| {
                        let (item, path) = (conflict.item, conflict.path);
                        let title = item_title(item);
                        let name = format!("conflict-{item}-{path}");
                        let offers = conflict
                            .offers
                            .iter()
                            .map(|(value, files)| {
                                let chosen_file = files[0].clone();
                                let label = files.join(t.list_separator);
                                let checked = {
                                    let file = chosen_file.clone();
                                    move || decisions.with(|d| d.chosen(item, path) == Some(file.as_str()))
                                };
                                view! {
                                    <label class="offer">
                                        <input
                                            type="radio"
                                            name=name.clone()
                                            prop:checked=checked
                                            on:change=move |_| decisions.update(|d| d.choose(item, path, &chosen_file))
                                        />
                                        <ValueView label=label value=value.clone()/>
                                    </label>
                                }
                            })
                            .collect_view();
                        view! {
                            <fieldset class="choice conflict">
                                <legend lang="ja">{format!("{} — {}", (t.item_name)(item, &title), (t.field_label)(path))}</legend>
                                {offers}
                            </fieldset>
                        }
                    })
                    .collect_view();
                view! {
                    <section aria-labelledby="conflicts-heading">
                        <h3 id="conflicts-heading">{s.compile_conflicts_heading}</h3>
                        <p>{(s.compile_conflicts_note)(r.conflicts.len())}</p>
                        {rows}
                    </section>
                }
            })
        })
    }
}

/// Changes to items that the sending section is not responsible for: left
/// out unless ticked.
#[component]
fn ForeignChanges(review: Memo<Review>, decisions: RwSignal<Decisions>) -> impl IntoView {
    let s = use_staff_texts();
    let t = use_page_texts();
    move || {
        review.with(|r| {
            (!r.foreign.is_empty()).then(|| {
                let rows = r
                    .foreign
                    .iter()
                    .map(|change| {
                        let (file, item, path) = (change.file.clone(), change.item, change.path);
                        let owners = app_data()
                            .dataset
                            .item(item)
                            .map(|i| i.sections.join(t.list_separator))
                            .unwrap_or_default();
                        let sender = change
                            .section
                            .clone()
                            .unwrap_or_else(|| s.compile_unknown_section.to_string());
                        let text = (s.compile_foreign_change)(
                            &file,
                            &sender,
                            item,
                            &(t.field_label)(path),
                            &owners,
                        );
                        view! {
                            <li>
                                <label class="foreign">
                                    <input
                                        type="checkbox"
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            decisions.update(|d| d.accept(&file, item, path, on));
                                        }
                                    />
                                    {text}
                                </label>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section aria-labelledby="foreign-heading">
                        <h3 id="foreign-heading">{s.compile_foreign_heading}</h3>
                        <p>{s.compile_foreign_note}</p>
                        <ul class="foreign-changes">{rows}</ul>
                    </section>
                }
            })
        })
    }
}

/// The next edition and its changelog, once every conflict is decided.
#[component]
fn WriteEdition(
    gathered: RwSignal<Gathered>,
    decisions: RwSignal<Decisions>,
    year: Memo<u8>,
) -> impl IntoView {
    let s = use_staff_texts();
    let t = use_page_texts();
    let compiled = Memo::new(move |_| {
        let today = drafts::reiwa_date(js_sys::Date::now() as u64);
        gathered.with(|g| {
            decisions.with(|d| {
                drafts::compile(&app_data().dataset, &g.submissions, d, year.get(), &today)
            })
        })
    });
    let (failed, set_failed) = signal(false);
    let download = move |changelog: bool| {
        let Some(done) = compiled.with_untracked(|c| c.as_ref().ok().cloned()) else {
            return;
        };
        let slug = model::open_data::edition_slug(&done.dataset.meta);
        let saved = if changelog {
            save_file(
                &format!("ueda-action-program-{slug}-changelog.csv"),
                "text/csv;charset=utf-8",
                &drafts::changelog_csv(&done, &app_data().dataset),
            )
        } else {
            save_file(
                &format!("action-program-{slug}.json"),
                "application/json;charset=utf-8",
                &done.dataset.to_pretty_json(),
            )
        };
        set_failed.set(saved.is_err());
    };
    view! {
        <section class="write-edition" aria-labelledby="edition-heading">
            <h3 id="edition-heading">{s.compile_write_heading}</h3>
            {move || compiled.with(|c| match c {
                Ok(done) => view! {
                    <p>{(s.compile_ready)(done.changelog.len(), &done.dataset.meta.status_as_of)}</p>
                    <ChangelogTable compiled=done.clone()/>
                }.into_any(),
                Err(undecided) => view! {
                    <p class="notice notice-warning">{(s.compile_undecided)(undecided.0.len())}</p>
                }.into_any(),
            })}
            <div class="list-tools export-tools">
                <button type="button" disabled=move || compiled.with(|c| c.is_err()) on:click=move |_| download(false)>
                    {s.compile_download_edition}
                </button>
                <button type="button" disabled=move || compiled.with(|c| c.is_err()) on:click=move |_| download(true)>
                    {s.compile_download_changelog}
                </button>
                <button type="button" disabled=move || compiled.with(|c| c.is_err()) on:click=|_| { let _ = window().print(); }>
                    {s.print_changes}
                </button>
                {move || failed.get().then(|| view! { <p class="error" role="alert">{t.download_unavailable}</p> })}
            </div>
            {move || compiled.with(|c| c.as_ref().ok().cloned()).map(|done| view! { <EditionPrint compiled=done/> })}
        </section>
    }
}

/// The next edition on paper, for proofreading before it is published: the
/// source document's item table, each item on a new A4 page, changed fields
/// marked. Shown on request (61 item tables are a large page), and while
/// shown it is all that prints.
#[component]
fn EditionPrint(compiled: Compiled) -> impl IntoView {
    let s = use_staff_texts();
    let t = use_page_texts();
    let (shown, set_shown) = signal(false);
    // Marked as the item pages of that edition will mark them: the same
    // comparison of the two editions.
    let marks = EditionChanges::between(&app_data().dataset, &compiled.dataset);
    let pages = move || {
        let meta = &compiled.dataset.meta;
        let running_head = match &meta.edition_published {
            Some(date) => format!("{}{}", meta.title, (t.parenthetical)(date)),
            None => meta.title.clone(),
        };
        compiled
            .dataset
            .items
            .iter()
            .map(|item| {
                let changed = marks.of_item(item.no);
                view! { <EditionPage item=item.clone() running_head=running_head.clone() changed/> }
            })
            .collect_view()
    };
    view! {
        <section class="edition-print-tools" aria-labelledby="edition-print-heading">
            <h3 id="edition-print-heading">{s.compile_print_heading}</h3>
            <p>{s.compile_print_note}</p>
            <div class="list-tools">
                <button type="button" aria-expanded=move || shown.get().to_string() on:click=move |_| set_shown.update(|v| *v = !*v)>
                    {move || if shown.get() { s.compile_print_hide } else { s.compile_print_show }}
                </button>
                <Show when=move || shown.get()>
                    <button type="button" on:click=|_| { let _ = window().print(); }>{s.compile_print_now}</button>
                </Show>
            </div>
        </section>
        {move || shown.get().then(|| view! { <div class="edition-print">{pages()}</div> })}
    }
}

/// One item of the next edition, as its printed page.
#[component]
fn EditionPage(
    item: model::Item,
    running_head: String,
    changed: Vec<(FieldPath, bool)>,
) -> impl IntoView {
    let t = use_page_texts();
    let heading_id = format!("edition-item-{}", item.no);
    let labelled_by = heading_id.clone();
    let names_table = heading_id.clone();
    let place = format!("{} › {}", item.pillar_heading(), item.category_heading());
    view! {
        <article class="item-detail edition-page" aria-labelledby=labelled_by>
            <p class="edition-running-head" lang="ja">{running_head}</p>
            <p class="breadcrumb" lang="ja">{place}</p>
            <h3 id=heading_id>
                <span class="item-no">{(t.item_no)(item.no)}</span>
                " "
                <span lang="ja">{item.title.clone()}</span>
            </h3>
            <ItemTable item=item.clone() item_heading=names_table changed/>
            <SourceNotes item/>
        </article>
    }
}

/// The changelog, field by field: before, after, which file.
#[component]
fn ChangelogTable(compiled: Compiled) -> impl IntoView {
    let s = use_staff_texts();
    let t = use_page_texts();
    let rows = compiled
        .changelog
        .into_iter()
        .map(|entry| {
            let title = item_title(entry.item);
            view! {
                <tr>
                    <th scope="row" lang="ja">{(t.item_name)(entry.item, &title)}</th>
                    <td>{(t.field_label)(entry.path)}</td>
                    <td lang="ja">{text_of(&entry.before, s.empty_value)}</td>
                    <td lang="ja">{text_of(&entry.after, s.empty_value)}</td>
                    <td lang="ja">{entry.file}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="changelog">
            <caption>{s.compile_changelog_caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{s.compile_item_column}</th>
                    <th scope="col">{s.compile_field_column}</th>
                    <th scope="col">{s.compile_before_column}</th>
                    <th scope="col">{s.compile_after_column}</th>
                    <th scope="col">{s.compile_file_column}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

fn item_title(no: u32) -> String {
    app_data()
        .dataset
        .item(no)
        .map(|i| i.title.clone())
        .unwrap_or_default()
}

fn text_of(value: &FieldValue, empty: &'static str) -> String {
    let text = value.to_text();
    if text.is_empty() {
        empty.to_string()
    } else {
        text
    }
}
