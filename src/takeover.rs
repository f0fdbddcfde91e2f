//! Taking over the prerendered page.
//!
//! The build writes each page's HTML from the app's own components (see
//! `prerender`), inside `<div id="prerendered">`. When the wasm has started,
//! the app renders its own live DOM beside it and the static copy is removed
//! in the same task, so no frame shows both and nothing moves: both were
//! rendered from the same components and state. What the visitor did in the
//! meantime is carried over: the scroll position, which control had focus,
//! and any text typed into the search box (replayed as an `input` event, so
//! the app searches for it).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

/// What can take focus, in document order (the same in both copies).
const FOCUSABLE: &str = "a[href], button, input, select, textarea, summary, [tabindex]";
/// Where text typed before start-up lives.
const TYPED: &str = "input[type=search], input[type=text], textarea";

/// Mounts `app` on `<body>`, replacing the prerendered copy if there is one.
pub fn mount_over_prerendered<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    let prerendered = document().get_element_by_id("prerendered");
    let carried = prerendered.as_ref().map(Carried::read);
    leptos::mount::mount_to_body(app);
    if let Some(old) = prerendered {
        old.remove();
    }
    if let Some(carried) = carried {
        carried.apply();
    }
    // Says the page is live (the benchmark and the end-to-end tests wait for it).
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("data-app", "ready");
    }
}

/// Resolves in a new task, so the browser can paint and handle input before
/// the caller goes on (start-up builds the search index after it). A message
/// to a channel of its own rather than a timer: timers are clamped, and
/// throttled to one a second in a hidden tab.
pub async fn next_task() {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return;
    };
    let arrived = js_sys::Promise::new(&mut |resolve, _reject| {
        channel.port1().set_onmessage(Some(resolve.unchecked_ref()));
    });
    if channel
        .port2()
        .post_message(&wasm_bindgen::JsValue::NULL)
        .is_ok()
    {
        let _ = wasm_bindgen_futures::JsFuture::from(arrived).await;
    }
    // `channel` is held until here, so the ports outlive the message.
    channel.port1().set_onmessage(None);
}

/// What the visitor did on the static page before the app started.
struct Carried {
    scroll: (f64, f64),
    /// The focused element's position among the focusable ones.
    focus: Option<usize>,
    /// Text typed into fields, by the field's position among such fields,
    /// with the caret.
    typed: Vec<(usize, String, Option<u32>)>,
}

impl Carried {
    fn read(old: &Element) -> Carried {
        let window = window();
        // Only focus inside the static copy is carried (mostly there is none:
        // the body has it), so the page's hundreds of controls are listed
        // only when there is something to find among them.
        let focus = document()
            .active_element()
            .filter(|active| active != old && old.contains(Some(active)))
            .and_then(|active| {
                elements(old, FOCUSABLE)
                    .iter()
                    .position(|element| *element == active)
            });
        let typed = elements(old, TYPED)
            .iter()
            .enumerate()
            .filter_map(|(index, element)| {
                let value = field_value(element)?;
                let caret = element
                    .dyn_ref::<HtmlInputElement>()
                    .and_then(|input| input.selection_end().ok().flatten());
                (!value.is_empty()).then_some((index, value, caret))
            })
            .collect();
        Carried {
            scroll: (
                window.scroll_x().unwrap_or_default(),
                window.scroll_y().unwrap_or_default(),
            ),
            focus,
            typed,
        }
    }

    /// Applies the carried state to the app's DOM (the only content of `<body>` now).
    fn apply(self) {
        let Some(body) = document().body() else {
            return;
        };
        let fields = elements(&body, TYPED);
        for (index, value, caret) in self.typed {
            let Some(field) = fields.get(index) else {
                continue;
            };
            if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
                input.set_value(&value);
                if let Some(caret) = caret {
                    let _ = input.set_selection_range(caret, caret);
                }
            } else if let Some(area) = field.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                area.set_value(&value);
            }
            // The app reacts to input events, as if the text had been typed now.
            if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &{
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                init
            }) {
                let _ = field.dispatch_event(&event);
            }
        }
        if let Some(index) = self.focus {
            if let Some(element) = elements(&body, FOCUSABLE).get(index) {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = element
                    .unchecked_ref::<HtmlElement>()
                    .focus_with_options(&options);
            }
        }
        window().scroll_to_with_x_and_y(self.scroll.0, self.scroll.1);
    }
}

fn elements(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

fn field_value(element: &Element) -> Option<String> {
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        return Some(input.value());
    }
    element
        .dyn_ref::<web_sys::HtmlTextAreaElement>()
        .map(|area| area.value())
}
