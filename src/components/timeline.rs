//! The timeline: statements over a true time axis, as SVG.
//!
//! Months (or, inside one month, days) are laid out one slot per unit from
//! the first to the last, so a gap of two years looks like one and a year
//! label marks each January. A click narrows the date filter to one slot;
//! a drag across slots narrows it to the range. Positions are SVG
//! attributes, never style attributes, so a host page's CSP that forbids
//! inline styles still lets it draw.

use web_sys::{Element, PointerEvent};
use yew::prelude::*;

use crate::{
    hooks::{use_painted_later, HistoryMode, Navigate},
    present::Bar,
    route::Route,
};

/// One unit of the axis: a month `YYYY-MM` or a day `YYYY-MM-DD`, with its
/// bar when statements fall in it.
struct Slot<'a> {
    key: String,
    bar: Option<&'a Bar>,
}

/// Every month or day from the first bar to the last, in order; `None` when
/// a key does not read as a date.
fn slots(bars: &[Bar]) -> Option<Vec<Slot<'_>>> {
    let first = bars.first()?;
    let last = bars.last()?;
    let keys: Vec<String> = match (parts(&first.key)?, parts(&last.key)?) {
        ((y0, m0, None), (y1, m1, None)) => {
            let (start, end) = (y0 * 12 + m0 - 1, y1 * 12 + m1 - 1);
            (start..=end).map(|i| format!("{:04}-{:02}", i / 12, i % 12 + 1)).collect()
        }
        ((y, m, Some(d0)), (_, _, Some(d1))) => (d0..=d1).map(|d| format!("{y:04}-{m:02}-{d:02}")).collect(),
        _ => return None,
    };
    // A month's days, or a span of centuries, is never more than this many slots.
    (keys.len() <= 1200).then(|| keys.into_iter().map(|key| Slot { bar: bars.iter().find(|bar| bar.key == key), key }).collect())
}

/// Year, month and day of a `YYYY-MM` or `YYYY-MM-DD` key.
fn parts(key: &str) -> Option<(i32, i32, Option<i32>)> {
    let mut fields = key.split('-').map(str::parse::<i32>);
    let year = fields.next()?.ok()?;
    let month = fields.next()?.ok()?;
    let day = fields.next().transpose().ok()?;
    Some((year, month, day))
}

/// The label under a slot, or none: the year under each January (and the
/// first slot), or the day under the 1st, 10th and 20th.
fn axis_label(slot: &Slot, index: usize) -> Option<String> {
    let (year, month, day) = parts(&slot.key)?;
    match day {
        Some(day) => [1, 10, 20].contains(&day).then(|| day.to_string()),
        None => (month == 1 || index == 0).then(|| year.to_string()),
    }
}

/// Whether `key` lies in the route's date range (a month lies in it when
/// the range covers it at the month's precision).
fn in_range(key: &str, route: &Route) -> bool {
    let (Some(from), Some(to)) = (route.date_from.map(|d| d.to_string()), route.date_to.map(|d| d.to_string())) else { return false };
    let cut = |bound: &str| bound.get(..key.len().min(bound.len())).unwrap_or(bound).to_owned();
    cut(&from).as_str() <= key && key <= cut(&to).as_str()
}

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub bars: Vec<Bar>,
    pub label: &'static str,
    pub hint: &'static str,
    /// What a click or a drag narrows: the route with its dates replaced.
    pub route: Route,
}

/// Where the link of the bar in slot `index` can be hit, in thousandths of
/// a percent: halfway to the bars on either side (or to the ends). On a
/// sparse axis a thin bar still gets a target a finger can find.
fn reach(slots: &[Slot], index: usize, width: usize) -> (usize, usize) {
    let centre = |i: usize| i * width + width / 2;
    let previous = slots[..index].iter().rposition(|slot| slot.bar.is_some());
    let next = slots.iter().skip(index + 1).position(|slot| slot.bar.is_some()).map(|at| at + index + 1);
    let from = previous.map_or(0, |p| (centre(p) + centre(index)) / 2);
    let to = next.map_or(slots.len() * width, |n| (centre(index) + centre(n)) / 2);
    (from, to)
}

/// A length in thousandths of a percent, as an SVG attribute ("12.345%"):
/// integers, so the page carries no float formatting.
fn percent(milli: usize) -> String {
    format!("{}.{:03}%", milli / 1000, milli % 1000)
}

/// Drawn after the frame that shows a search's results, the app's first
/// included: it stands below the facet lists, out of sight as a word is
/// typed, and has some 200 elements to update at every key at 10,000
/// passages (about 25 ms of a 390 ms start there).
#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let now = (props.bars.clone(), props.route.clone());
    let (bars, route) = use_painted_later(|| (Vec::new(), props.route.clone()), now);
    html! { <TimelineAxis {bars} label={props.label} hint={props.hint} {route} /> }
}

#[function_component(TimelineAxis)]
fn timeline_axis(props: &TimelineProps) -> Html {
    // The slot a drag started on and the one it is over.
    let drag = use_state(|| None::<(usize, usize)>);
    // Set when a drag ends, so the click that follows does not also follow a link.
    let dragged = use_mut_ref(|| false);
    let navigate = use_context::<Navigate>();
    // Every hook before the return: the first render has no bars (see
    // `Timeline`), the next ones have.
    let axis = use_node_ref();
    let Some(slots) = slots(&props.bars) else { return html! {} };
    let count = slots.len();
    let highest = props.bars.iter().map(|bar| bar.count).max().unwrap_or(1).max(1);
    // The slot under the pointer, from its position across the axis: the
    // pointer is captured while dragging, so targets say nothing.
    let slot_at = {
        let axis = axis.clone();
        move |event: &PointerEvent| -> Option<usize> {
        let rect = axis.cast::<Element>()?.get_bounding_client_rect();
        let across = (f64::from(event.client_x()) - rect.left()) / rect.width();
        (0.0..1.0).contains(&across).then_some((across * count as f64) as usize)
        }
    };

    let onpointerdown = {
        let (drag, slot_at) = (drag.clone(), slot_at.clone());
        Callback::from(move |event: PointerEvent| {
            if let Some(at) = slot_at(&event) {
                // No native drag of the link under the pointer: it would
                // cancel the range. The click still comes.
                event.prevent_default();
                drag.set(Some((at, at)));
            }
        })
    };
    let onpointermove = {
        let (drag, axis, slot_at) = (drag.clone(), axis.clone(), slot_at.clone());
        Callback::from(move |event: PointerEvent| {
            if let (Some((start, end)), Some(at)) = (*drag, slot_at(&event)) {
                if at != end {
                    // Captured only once it is a drag: a capture retargets the
                    // click, and a click must still follow its slot's link.
                    if let Some(axis) = axis.cast::<Element>() {
                        let _ = axis.set_pointer_capture(event.pointer_id());
                    }
                    drag.set(Some((start, at)));
                }
            }
        })
    };
    let onpointerup = {
        let (drag, dragged, navigate, route) = (drag.clone(), dragged.clone(), navigate.clone(), props.route.clone());
        let keys: Vec<String> = slots.iter().map(|slot| slot.key.clone()).collect();
        Callback::from(move |_: PointerEvent| {
            if let Some((start, end)) = *drag {
                if start != end {
                    let (low, high) = (start.min(end), start.max(end));
                    if let (Some(from), Some(to), Some(navigate)) = (keys.get(low), keys.get(high), &navigate) {
                        *dragged.borrow_mut() = true;
                        navigate.emit((route.between(from.parse().ok(), to.parse().ok()), HistoryMode::Push));
                    }
                }
            }
            drag.set(None);
        })
    };
    let onpointercancel = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| drag.set(None))
    };
    let onclick = {
        let dragged = dragged.clone();
        Callback::from(move |event: MouseEvent| {
            if std::mem::take(&mut *dragged.borrow_mut()) {
                event.prevent_default();
            }
        })
    };
    let dragging = drag.map(|(start, end)| (start.min(end), start.max(end)));
    // Thousandths of a percent per slot.
    let width = 100_000 / count.max(1);

    html! {
        <figure class="timeline">
            <figcaption>{ props.label }<span class="hint">{ props.hint }</span></figcaption>
            <svg class="axis" ref={axis} width="100%" height="100%" role="group" aria-label={props.label}
                {onpointerdown} {onpointermove} {onpointerup} {onpointercancel} {onclick}>
                { for slots.iter().enumerate().map(|(index, slot)| {
                    let x = percent(index * width);
                    let axis_text = axis_label(slot, index);
                    let tick = axis_text.is_some().then(|| html! { <line class="tick" x1={x.clone()} x2={x.clone()} y1="0" y2="84%" /> });
                    // Labels at the ends lean inwards, so none is cut by the edge.
                    let (label_x, anchor) = match index {
                        0 => (0, "start"),
                        i if i + 1 == count => (count * width, "end"),
                        i => (i * width + width / 2, "middle"),
                    };
                    let label = axis_text.map(|text| html! {
                        <text class="axis-label" x={percent(label_x)} y="98%" text-anchor={anchor}>{ text }</text>
                    });
                    let Some(bar) = slot.bar else { return html! { <>{ for tick }{ for label }</> } };
                    let reach = reach(&slots, index, width);
                    // Tenths of a percent of the plot's 78% height.
                    let height = 780 * bar.count as usize / highest as usize;
                    let chosen = bar.selected || in_range(&slot.key, &props.route) || dragging.is_some_and(|(low, high)| (low..=high).contains(&index));
                    let day = bar.key.parse().ok();
                    let narrowed = props.route.between(day, day);
                    let name = format!("{} : {}", bar.label, bar.count);
                    html! {
                        <>
                            { for tick }
                            <a class={classes!("slot", chosen.then_some("selected"))} href={narrowed.to_hash()} aria-label={name.clone()}>
                                <title>{ name }</title>
                                <rect class="hit" x={percent(reach.0)} y="0" width={percent(reach.1 - reach.0)} height="84%" />
                                <rect class="fill" x={percent(index * width + width / 8)} y={percent(84_000 - height * 100)}
                                    width={percent(width * 3 / 4)} height={percent(height * 100)} rx="2" />
                            </a>
                            { for label }
                        </>
                    }
                }) }
            </svg>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(key: &str) -> Bar {
        Bar { key: key.into(), label: key.into(), count: 1, selected: false }
    }

    #[test]
    fn months_are_laid_out_with_their_gaps() {
        let bars = [bar("2023-11"), bar("2024-02")];
        let slots = slots(&bars).expect("months");
        assert_eq!(slots.iter().map(|slot| slot.key.as_str()).collect::<Vec<_>>(), ["2023-11", "2023-12", "2024-01", "2024-02"]);
        assert_eq!(slots.iter().filter(|slot| slot.bar.is_some()).count(), 2);
        let labels: Vec<Option<String>> = slots.iter().enumerate().map(|(i, slot)| axis_label(slot, i)).collect();
        assert_eq!(labels, [Some("2023".into()), None, Some("2024".into()), None]);
    }

    #[test]
    fn days_fill_the_month_between_the_first_and_the_last() {
        let bars = [bar("2025-10-09"), bar("2025-10-11")];
        let keys: Vec<String> = slots(&bars).expect("days").into_iter().map(|slot| slot.key).collect();
        assert_eq!(keys, ["2025-10-09", "2025-10-10", "2025-10-11"]);
        assert!(slots(&[bar("2025-10"), bar("not a date")]).is_none());
    }

    #[test]
    fn a_bar_can_be_hit_halfway_to_its_neighbours() {
        let bars = [bar("2025-01"), bar("2025-05"), bar("2025-06")];
        let slots = slots(&bars).expect("months");
        // Six slots of 10 units: centres at 5, 45 and 55.
        assert_eq!(reach(&slots, 0, 10), (0, 25));
        assert_eq!(reach(&slots, 4, 10), (25, 50));
        assert_eq!(reach(&slots, 5, 10), (50, 60));
    }

    #[test]
    fn a_range_holds_the_months_it_covers() {
        let route = Route::default().between("2025-09".parse().ok(), "2025-10-31".parse().ok());
        assert!(in_range("2025-09", &route) && in_range("2025-10", &route));
        assert!(!in_range("2025-11", &route) && !in_range("2025-08", &route));
    }
}
