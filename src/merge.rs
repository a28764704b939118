//! Three-way merge of two edits of one case, for two tabs open on the same case.
//!
//! `base` is the version both sides started from (what this tab last loaded or saved),
//! `mine` the case in this tab's memory, `theirs` what another tab has stored since. A
//! value changed on one side only is taken from that side; a value both sides changed to
//! the same thing is taken once; a value both sides changed differently is a
//! [`Conflict`], named by its JSON pointer with both values, for the user to choose.
//! Objects are merged member by member; arrays item by item while all three have the
//! same length, and as a whole otherwise (an item added or removed on one side while the
//! other side edited the list is a conflict about the whole list, never a silent
//! reshuffle of someone's edit onto another item).
//!
//! Pure, tested natively, with properties that no change is lost.

use serde_json::{Map, Value};

/// One value both sides changed differently.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// The JSON pointer (RFC 6901) of the value.
    pub pointer: String,
    /// The value in this tab; `None` when this tab removed it.
    pub mine: Option<Value>,
    /// The value the other tab stored; `None` when it removed it.
    pub theirs: Option<Value>,
}

/// Which side's value to keep for a conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// This tab's value.
    Mine,
    /// The other tab's value.
    Theirs,
}

/// What a merge found.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The merged case; where there are conflicts it holds this tab's values there.
    pub value: Value,
    /// The values both sides changed differently, in document order.
    pub conflicts: Vec<Conflict>,
}

/// Merges `mine` and `theirs`, both edits of `base`.
pub fn merge3(base: &Value, mine: &Value, theirs: &Value) -> Merged {
    let mut conflicts = Vec::new();
    let mut pointer = String::new();
    let value = merge_value(
        Some(base),
        Some(mine),
        Some(theirs),
        &mut pointer,
        &mut conflicts,
    )
    // Both sides are present at the root, so the merge is too; `mine` stands in anyway.
    .unwrap_or_else(|| mine.clone());
    Merged { value, conflicts }
}

/// The merged case with a side chosen for each conflict (`choose(conflict)`).
pub fn resolve(merged: &Merged, choose: impl Fn(&Conflict) -> Side) -> Value {
    let mut value = merged.value.clone();
    for conflict in &merged.conflicts {
        let chosen = match choose(conflict) {
            Side::Mine => &conflict.mine,
            Side::Theirs => &conflict.theirs,
        };
        put(&mut value, &conflict.pointer, chosen.clone());
    }
    value
}

/// Sets (or, for `None`, removes) the value at `pointer`, whose parent exists: a
/// conflict's pointer always names a member or item of a value present in the merge.
fn put(root: &mut Value, pointer: &str, value: Option<Value>) {
    let Some((parent, last)) = pointer.rsplit_once('/') else {
        if let Some(value) = value {
            *root = value;
        }
        return;
    };
    let last = last.replace("~1", "/").replace("~0", "~");
    match (root.pointer_mut(parent), value) {
        (Some(Value::Object(map)), Some(value)) => {
            map.insert(last, value);
        }
        (Some(Value::Object(map)), None) => {
            map.remove(&last);
        }
        (Some(Value::Array(items)), Some(value)) => {
            if let Some(slot) = last.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
                *slot = value;
            }
        }
        // Items are merged one by one only where all sides have the same length, so an
        // item is never missing on one side alone; nothing else reaches here.
        _ => {}
    }
}

fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Merges one value; `None` is "absent". `pointer` is the value's pointer, restored on
/// return.
fn merge_value(
    base: Option<&Value>,
    mine: Option<&Value>,
    theirs: Option<&Value>,
    pointer: &mut String,
    conflicts: &mut Vec<Conflict>,
) -> Option<Value> {
    if mine == theirs || theirs == base {
        return mine.cloned();
    }
    if mine == base {
        return theirs.cloned();
    }
    match (mine, theirs) {
        (Some(Value::Object(m)), Some(Value::Object(t))) => {
            // An object both sides added (or made of something else) merges against an
            // empty one.
            let empty = Map::new();
            let b = match base {
                Some(Value::Object(b)) => b,
                _ => &empty,
            };
            let mut out = Map::new();
            // Document order: this tab's members, then the other tab's new ones.
            let keys = m.keys().chain(t.keys().filter(|k| !m.contains_key(*k)));
            for key in keys {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&escape(key));
                let merged = merge_value(b.get(key), m.get(key), t.get(key), pointer, conflicts);
                pointer.truncate(len);
                if let Some(value) = merged {
                    out.insert(key.clone(), value);
                }
            }
            Some(Value::Object(out))
        }
        (Some(Value::Array(m)), Some(Value::Array(t))) => match base {
            Some(Value::Array(b)) if b.len() == m.len() && m.len() == t.len() => {
                let mut out = Vec::with_capacity(m.len());
                for (i, (m_item, t_item)) in m.iter().zip(t).enumerate() {
                    let len = pointer.len();
                    pointer.push('/');
                    pointer.push_str(&i.to_string());
                    let merged =
                        merge_value(b.get(i), Some(m_item), Some(t_item), pointer, conflicts);
                    pointer.truncate(len);
                    // Both items are present, so the merged one is.
                    out.push(merged.unwrap_or_else(|| m_item.clone()));
                }
                Some(Value::Array(out))
            }
            _ => conflict(pointer, mine, theirs, conflicts),
        },
        _ => conflict(pointer, mine, theirs, conflicts),
    }
}

fn conflict(
    pointer: &str,
    mine: Option<&Value>,
    theirs: Option<&Value>,
    conflicts: &mut Vec<Conflict>,
) -> Option<Value> {
    conflicts.push(Conflict {
        pointer: pointer.to_string(),
        mine: mine.cloned(),
        theirs: theirs.cloned(),
    });
    mine.cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn clean(base: Value, mine: Value, theirs: Value) -> Value {
        let merged = merge3(&base, &mine, &theirs);
        assert_eq!(merged.conflicts, Vec::new(), "unexpected conflicts");
        merged.value
    }

    #[test]
    fn changes_to_different_fields_are_both_kept() {
        let base = json!({"child": {"id": "", "birth": ""}, "goals": []});
        let mine = json!({"child": {"id": "A-1", "birth": ""}, "goals": []});
        let theirs = json!({"child": {"id": "", "birth": "2016-04"}, "goals": []});
        assert_eq!(
            clean(base, mine, theirs),
            json!({"child": {"id": "A-1", "birth": "2016-04"}, "goals": []})
        );
    }

    #[test]
    fn one_sided_and_identical_changes_are_taken_once() {
        let base = json!({"a": 1, "b": [1, 2], "c": {"d": true}});
        let mine = json!({"a": 2, "b": [1, 2], "c": {"d": true}});
        assert_eq!(clean(base.clone(), mine.clone(), base.clone()), mine);
        assert_eq!(clean(base.clone(), base.clone(), mine.clone()), mine);
        assert_eq!(clean(base, mine.clone(), mine.clone()), mine);
    }

    #[test]
    fn the_same_field_changed_differently_is_a_conflict_with_both_values() {
        let base = json!({"child": {"id": "", "birth": ""}});
        let mine = json!({"child": {"id": "MINE", "birth": "2016-04"}});
        let theirs = json!({"child": {"id": "THEIRS", "birth": ""}});
        let merged = merge3(&base, &mine, &theirs);
        assert_eq!(
            merged.conflicts,
            vec![Conflict {
                pointer: "/child/id".into(),
                mine: Some(json!("MINE")),
                theirs: Some(json!("THEIRS")),
            }]
        );
        // Until chosen, this tab's value stands; the other changes are merged.
        assert_eq!(merged.value, mine);
        assert_eq!(
            resolve(&merged, |_| Side::Theirs),
            json!({"child": {"id": "THEIRS", "birth": "2016-04"}})
        );
        assert_eq!(resolve(&merged, |_| Side::Mine), mine);
    }

    #[test]
    fn items_of_lists_of_one_length_merge_one_by_one() {
        let base =
            json!({"services": [{"code": "A", "quantity": 1}, {"code": "B", "quantity": 2}]});
        let mine =
            json!({"services": [{"code": "A", "quantity": 5}, {"code": "B", "quantity": 2}]});
        let theirs =
            json!({"services": [{"code": "A", "quantity": 1}, {"code": "B", "quantity": 7}]});
        assert_eq!(
            clean(base, mine, theirs),
            json!({"services": [{"code": "A", "quantity": 5}, {"code": "B", "quantity": 7}]})
        );
    }

    #[test]
    fn a_list_one_side_lengthened_and_the_other_edited_is_one_conflict_about_the_list() {
        let base = json!({"goals": [{"text": "a"}]});
        let mine = json!({"goals": [{"text": "a"}, {"text": "new"}]});
        let theirs = json!({"goals": [{"text": "edited"}]});
        let merged = merge3(&base, &mine, &theirs);
        assert_eq!(merged.conflicts.len(), 1);
        assert_eq!(merged.conflicts[0].pointer, "/goals");
        assert_eq!(merged.conflicts[0].mine, Some(mine["goals"].clone()));
        assert_eq!(merged.conflicts[0].theirs, Some(theirs["goals"].clone()));
        // A list lengthened on one side only is simply taken.
        assert_eq!(clean(base.clone(), mine.clone(), base), mine);
    }

    #[test]
    fn removed_and_added_members_merge_and_a_removal_against_an_edit_is_a_conflict() {
        let base = json!({"a": 1, "b": 2, "c": 3});
        let mine = json!({"a": 1, "c": 3, "new": "m"});
        let theirs = json!({"a": 1, "b": 2, "c": 4, "other": "t"});
        assert_eq!(
            clean(base.clone(), mine, theirs),
            json!({"a": 1, "c": 4, "new": "m", "other": "t"})
        );
        let mine = json!({"a": 1, "c": 3});
        let theirs = json!({"a": 1, "b": 9, "c": 3});
        let merged = merge3(&base, &mine, &theirs);
        assert_eq!(
            merged.conflicts,
            vec![Conflict {
                pointer: "/b".into(),
                mine: None,
                theirs: Some(json!(9)),
            }]
        );
        assert_eq!(resolve(&merged, |_| Side::Mine), mine);
        assert_eq!(resolve(&merged, |_| Side::Theirs), theirs);
    }

    #[test]
    fn pointers_escape_member_names() {
        let base = json!({"a/b": {"~c": 1}});
        let merged = merge3(
            &base,
            &json!({"a/b": {"~c": 2}}),
            &json!({"a/b": {"~c": 3}}),
        );
        assert_eq!(merged.conflicts[0].pointer, "/a~1b/~0c");
        assert_eq!(
            resolve(&merged, |_| Side::Theirs),
            json!({"a/b": {"~c": 3}})
        );
    }

    #[test]
    fn values_of_different_kinds_conflict_as_a_whole() {
        let merged = merge3(
            &json!({"x": 1}),
            &json!({"x": [1]}),
            &json!({"x": {"y": 1}}),
        );
        assert_eq!(merged.conflicts.len(), 1);
        assert_eq!(merged.conflicts[0].pointer, "/x");
        let merged = merge3(&json!(1), &json!(2), &json!(3));
        assert_eq!(merged.conflicts[0].pointer, "");
        assert_eq!(resolve(&merged, |_| Side::Theirs), json!(3));
    }
}
