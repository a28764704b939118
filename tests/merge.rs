//! Properties of the three-way merge of two tabs' edits (`ib_planner::merge`): nothing
//! either side changed is lost, and the merge does not depend on which tab is "mine".

use ib_planner::merge::{merge3, resolve, Side};
use proptest::prelude::*;
use serde_json::{Map, Value};

/// Arbitrary JSON values with member names from a small set (so nesting and shared
/// names are common). Strings never start with "edit:", which the edits below use.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        (-1000i64..1000).prop_map(Value::from),
        "[a-z ~/]{0,4}".prop_map(Value::from),
    ];
    leaf.prop_recursive(5, 48, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[ab~/]{1,2}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Every place an edit can be made in `value`: scalar leaves (and whether they are a
/// member of an object, so can be removed), and every object (a member can be added).
fn places(value: &Value, pointer: String, in_object: bool, out: &mut Vec<(String, Place)>) {
    match value {
        Value::Object(map) => {
            out.push((pointer.clone(), Place::Object));
            for (key, item) in map {
                places(item, format!("{pointer}/{}", escape(key)), true, out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                places(item, format!("{pointer}/{i}"), false, out);
            }
        }
        _ => out.push((pointer, Place::Leaf { in_object })),
    }
}

#[derive(Clone, Copy, Debug)]
enum Place {
    Leaf { in_object: bool },
    Object,
}

/// One side's edit at a place: a new value, a removal, or an added member.
fn apply(root: &mut Value, pointer: &str, place: Place, side: &str, remove: bool) {
    match place {
        Place::Leaf { in_object: true } if remove => {
            let (parent, last) = pointer.rsplit_once('/').unwrap();
            let last = last.replace("~1", "/").replace("~0", "~");
            root.pointer_mut(parent)
                .and_then(Value::as_object_mut)
                .unwrap()
                .remove(&last);
        }
        Place::Leaf { .. } => {
            *root.pointer_mut(pointer).unwrap() = Value::from(format!("edit:{side}"))
        }
        Place::Object => {
            root.pointer_mut(pointer)
                .and_then(Value::as_object_mut)
                .unwrap()
                .insert(format!("+{side}"), Value::from(side));
        }
    }
}

/// A base value and, for each of its edit places, who edits it (0 nobody, 1 this tab,
/// 2 the other tab) and whether a leaf edit is a removal.
fn edited() -> impl Strategy<Value = (Value, Vec<(u8, bool)>)> {
    json_value()
        .prop_filter("an object at the root, like a case", Value::is_object)
        .prop_flat_map(|base| {
            let mut list = Vec::new();
            places(&base, String::new(), false, &mut list);
            let n = list.len();
            (
                Just(base),
                prop::collection::vec((0u8..3, any::<bool>()), n),
            )
        })
}

proptest! {
    /// Edits in different places, made in two tabs from one base, are all in the merge,
    /// with no conflict, whichever tab merges.
    #[test]
    fn no_change_of_either_tab_is_lost((base, who) in edited()) {
        let mut list = Vec::new();
        places(&base, String::new(), false, &mut list);
        let (mut mine, mut theirs, mut both) = (base.clone(), base.clone(), base.clone());
        // Removals last, deepest first, so an edit's pointer is still there to apply.
        let mut edits: Vec<_> = list.iter().zip(&who).filter(|(_, (w, _))| *w != 0).collect();
        edits.sort_by_key(|((_, place), (_, remove))| matches!(place, Place::Leaf { in_object: true }) && *remove);
        for ((pointer, place), (w, remove)) in edits {
            let (side_value, name) = if *w == 1 { (&mut mine, "mine") } else { (&mut theirs, "theirs") };
            apply(side_value, pointer, *place, name, *remove);
            apply(&mut both, pointer, *place, name, *remove);
        }
        for (a, b) in [(&mine, &theirs), (&theirs, &mine)] {
            let merged = merge3(&base, a, b);
            prop_assert_eq!(&merged.conflicts, &Vec::new());
            prop_assert_eq!(&merged.value, &both);
        }
    }

    /// A side that did not change gives the other side's value; the same change on both
    /// sides is no conflict.
    #[test]
    fn an_unchanged_side_gives_the_other(base in json_value(), other in json_value()) {
        let merged = merge3(&base, &other, &base);
        prop_assert!(merged.conflicts.is_empty());
        prop_assert_eq!(&merged.value, &other);
        let merged = merge3(&base, &base, &other);
        prop_assert!(merged.conflicts.is_empty());
        prop_assert_eq!(&merged.value, &other);
        let merged = merge3(&base, &other, &other);
        prop_assert!(merged.conflicts.is_empty());
        prop_assert_eq!(&merged.value, &other);
    }

    /// For any three values: each conflict carries exactly both sides' values at its
    /// pointer, and the same choices give the same result whichever tab merges.
    #[test]
    fn conflicts_carry_both_values_and_merging_is_symmetric(
        base in json_value(), mine in json_value(), theirs in json_value()
    ) {
        let merged = merge3(&base, &mine, &theirs);
        for conflict in &merged.conflicts {
            prop_assert_eq!(conflict.mine.as_ref(), mine.pointer(&conflict.pointer));
            prop_assert_eq!(conflict.theirs.as_ref(), theirs.pointer(&conflict.pointer));
            prop_assert_ne!(&conflict.mine, &conflict.theirs);
        }
        let flipped = merge3(&base, &theirs, &mine);
        let pointers = |m: &ib_planner::merge::Merged| {
            let mut list: Vec<String> = m.conflicts.iter().map(|c| c.pointer.clone()).collect();
            list.sort();
            list
        };
        prop_assert_eq!(pointers(&merged), pointers(&flipped));
        prop_assert_eq!(resolve(&merged, |_| Side::Theirs), resolve(&flipped, |_| Side::Mine));
        prop_assert_eq!(resolve(&merged, |_| Side::Mine), resolve(&flipped, |_| Side::Theirs));
    }
}

#[test]
fn an_empty_object_base_merges_two_new_members() {
    let base = Value::Object(Map::new());
    let mine = serde_json::json!({"a": 1});
    let theirs = serde_json::json!({"b": 2});
    let merged = merge3(&base, &mine, &theirs);
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.value, serde_json::json!({"a": 1, "b": 2}));
}
