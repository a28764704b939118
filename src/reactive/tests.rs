use super::*;
use std::cell::Cell;

fn counter() -> (Rc<Cell<u32>>, impl Fn() + Clone) {
    let n = Rc::new(Cell::new(0));
    let m = n.clone();
    (n, move || m.set(m.get() + 1))
}

#[test]
fn effect_runs_at_creation_and_after_flush() {
    let s = RwSignal::new(1);
    let seen = Rc::new(RefCell::new(Vec::new()));
    let out = seen.clone();
    Effect::new(move |_| out.borrow_mut().push(s.get()));
    assert_eq!(*seen.borrow(), [1]);
    s.set(2);
    assert_eq!(*seen.borrow(), [1], "re-runs are batched");
    flush();
    assert_eq!(*seen.borrow(), [1, 2]);
    s.update(|v| *v += 10);
    flush();
    assert_eq!(*seen.borrow(), [1, 2, 12]);
    assert_eq!(s.get_untracked(), 12);
    assert_eq!(s.with(|v| v * 2), 24);
    assert_eq!(s.with_untracked(|v| v + 1), 13);
}

#[test]
fn effect_gets_its_previous_result() {
    let s = RwSignal::new(1);
    let seen = Rc::new(RefCell::new(Vec::new()));
    let out = seen.clone();
    Effect::new(move |prev: Option<i32>| {
        out.borrow_mut().push(prev);
        s.get()
    });
    s.set(5);
    flush();
    assert_eq!(*seen.borrow(), [None, Some(1)]);
}

#[test]
fn two_sets_one_rerun() {
    let a = RwSignal::new(0);
    let b = RwSignal::new(0);
    let (runs, bump) = counter();
    Effect::new(move |_| {
        a.get();
        b.get();
        bump();
    });
    a.set(1);
    b.set(1);
    a.set(2);
    flush();
    assert_eq!(runs.get(), 2);
    flush();
    assert_eq!(runs.get(), 2);
}

#[test]
fn untracked_reads_do_not_subscribe() {
    let a = RwSignal::new(0);
    let b = RwSignal::new(0);
    let (runs, bump) = counter();
    Effect::new(move |_| {
        a.get();
        untrack(|| b.get());
        b.get_untracked();
        bump();
    });
    b.set(1);
    flush();
    assert_eq!(runs.get(), 1);
    a.set(1);
    flush();
    assert_eq!(runs.get(), 2);
}

#[test]
fn track_subscribes_without_reading() {
    let a = RwSignal::new(0);
    let (runs, bump) = counter();
    Effect::new(move |_| {
        a.track();
        bump();
    });
    a.set(1);
    flush();
    assert_eq!(runs.get(), 2);
}

#[test]
fn memo_is_lazy_and_equality_stops_propagation() {
    let s = RwSignal::new(1);
    let (computes, bump) = counter();
    let parity = Memo::new(move |_| {
        bump();
        s.get() % 2
    });
    assert_eq!(computes.get(), 0, "lazy");
    let (runs, bump_run) = counter();
    Effect::new(move |_| {
        parity.get();
        bump_run();
    });
    assert_eq!((computes.get(), runs.get()), (1, 1));
    s.set(3);
    flush();
    assert_eq!(computes.get(), 2);
    assert_eq!(runs.get(), 1, "same parity: the effect does not re-run");
    s.set(4);
    flush();
    assert_eq!((computes.get(), runs.get()), (3, 2));
    assert_eq!(parity.get_untracked(), 0);
    assert_eq!(parity.with(|p| *p), 0);
}

#[test]
fn memo_gets_its_previous_value() {
    let s = RwSignal::new(1);
    let m = Memo::new(move |prev: Option<&Vec<i32>>| {
        let mut v = prev.cloned().unwrap_or_default();
        v.push(s.get());
        v
    });
    assert_eq!(m.get(), [1]);
    s.set(2);
    assert_eq!(
        m.get(),
        [1, 2],
        "untracked reads see the change without a flush"
    );
}

#[test]
fn diamond_derived_read_before_source() {
    // A memo A over a signal, B derived from A; the effect reads B *before* A.
    let s = RwSignal::new(1);
    let a = Memo::new(move |_| s.get() * 10);
    let b = Memo::new(move |_| a.get() > 0);
    let seen = Rc::new(RefCell::new(Vec::new()));
    let out = seen.clone();
    Effect::new(move |_| {
        let positive = b.get();
        out.borrow_mut().push((positive, a.get()));
    });
    s.set(2); // A changes, B does not.
    flush();
    assert_eq!(*seen.borrow(), [(true, 10), (true, 20)]);
    s.set(-1); // both change
    flush();
    assert_eq!(*seen.borrow(), [(true, 10), (true, 20), (false, -10)]);
}

#[test]
fn diamond_runs_once_and_consistent() {
    let s = RwSignal::new(1);
    let double = Memo::new(move |_| s.get() * 2);
    let triple = Memo::new(move |_| s.get() * 3);
    let seen = Rc::new(RefCell::new(Vec::new()));
    let out = seen.clone();
    Effect::new(move |_| out.borrow_mut().push(double.get() + triple.get()));
    s.set(2);
    flush();
    assert_eq!(*seen.borrow(), [5, 10]);
}

#[test]
fn effects_rerun_in_creation_order() {
    let s = RwSignal::new(0);
    let order = Rc::new(RefCell::new(Vec::new()));
    for i in 0..3 {
        let out = order.clone();
        Effect::new(move |_| {
            s.get();
            out.borrow_mut().push(i);
        });
    }
    order.borrow_mut().clear();
    s.set(1);
    flush();
    assert_eq!(*order.borrow(), [0, 1, 2]);
}

#[test]
fn effect_setting_a_signal() {
    let a = RwSignal::new(1);
    let b = RwSignal::new(0);
    Effect::new(move |_| b.set(a.get() * 2));
    assert_eq!(b.get_untracked(), 2);
    let seen = Rc::new(RefCell::new(Vec::new()));
    let out = seen.clone();
    Effect::new(move |_| out.borrow_mut().push(b.get()));
    a.set(5);
    flush();
    assert_eq!(b.get_untracked(), 10);
    assert_eq!(
        *seen.borrow(),
        [2, 10],
        "the second effect ran in the same flush"
    );
}

#[test]
fn effect_setting_what_it_reads_settles() {
    let a = RwSignal::new(0);
    let (runs, bump) = counter();
    Effect::new(move |_| {
        bump();
        if a.get() < 3 {
            a.update(|v| *v += 1);
        }
    });
    flush();
    assert_eq!(a.get_untracked(), 3);
    assert_eq!(runs.get(), 4);
}

#[test]
fn effect_loop_stops() {
    let a = RwSignal::new(0u32);
    Effect::new(move |_| a.set(a.get() + 1));
    flush(); // must return
    assert!(a.get_untracked() > 50);
}

#[test]
fn owner_cleanup_stops_effects_and_runs_cleanups() {
    let s = RwSignal::new(0);
    let root = Owner::new();
    let (runs, bump) = counter();
    let (cleaned, bump_cleaned) = counter();
    let inner = root.with(|| {
        let child = Owner::current().unwrap().child();
        child.with(|| {
            let bump = bump.clone();
            Effect::new(move |_| {
                s.get();
                bump();
            });
            on_cleanup(bump_cleaned.clone());
            RwSignal::new(7)
        })
    });
    s.set(1);
    flush();
    assert_eq!(runs.get(), 2);
    root.cleanup();
    assert_eq!(cleaned.get(), 1);
    s.set(2);
    flush();
    assert_eq!(runs.get(), 2, "disposed effect does not run");
    // A disposed signal: writes are ignored, reads give the last value, try_ gives None.
    inner.set(8);
    assert_eq!(inner.get(), 7);
    assert_eq!(inner.try_get(), None);
}

#[test]
fn effect_disposes_what_it_built_before_rerunning() {
    let s = RwSignal::new(0);
    let (cleaned, bump_cleaned) = counter();
    let (inner_runs, bump_inner) = counter();
    let t = RwSignal::new(0);
    Effect::new(move |_| {
        s.get();
        on_cleanup(bump_cleaned.clone());
        let bump_inner = bump_inner.clone();
        Effect::new(move |_| {
            t.get();
            bump_inner();
        });
    });
    assert_eq!((cleaned.get(), inner_runs.get()), (0, 1));
    s.set(1);
    flush();
    assert_eq!((cleaned.get(), inner_runs.get()), (1, 2));
    t.set(1);
    flush();
    assert_eq!(inner_runs.get(), 3, "only the new inner effect runs");
}

#[test]
fn queued_effect_disposed_before_flush_is_skipped() {
    let s = RwSignal::new(0);
    let owner = Owner::new();
    let (runs, bump) = counter();
    owner.with(|| {
        Effect::new(move |_| {
            s.get();
            bump();
        })
    });
    s.set(1);
    owner.cleanup();
    flush();
    assert_eq!(runs.get(), 1);
}

#[test]
fn region_rebuild_like_dyn_view() {
    // An effect that rebuilds a child owner on each run, as dom::dyn_view does.
    let show = RwSignal::new(0);
    let parent = Owner::new();
    let (inner_runs, bump) = counter();
    let other = RwSignal::new(0);
    parent.with(|| {
        let parent_owner = Owner::current();
        let mut last: Option<Owner> = None;
        Effect::new(move |_| {
            show.get();
            let owner = parent_owner.as_ref().unwrap().child();
            let bump = bump.clone();
            owner.with(|| {
                Effect::new(move |_| {
                    other.get();
                    bump();
                })
            });
            if let Some(old) = last.replace(owner) {
                old.cleanup();
            }
        });
    });
    show.set(1);
    flush();
    show.set(2);
    flush();
    assert_eq!(inner_runs.get(), 3);
    other.set(1);
    flush();
    assert_eq!(inner_runs.get(), 4, "only the live region's binding runs");
    parent.cleanup();
    other.set(2);
    flush();
    assert_eq!(inner_runs.get(), 4);
}

#[test]
fn context_through_child_owners() {
    #[derive(Clone, PartialEq, Debug)]
    struct Ctx(u32);
    let root = Owner::new();
    root.with(|| {
        assert_eq!(use_context::<Ctx>(), None);
        provide_context(Ctx(1));
        let child = Owner::current().unwrap().child();
        child.with(|| {
            assert_eq!(use_context::<Ctx>(), Some(Ctx(1)));
            let grandchild = Owner::new();
            grandchild.with(|| {
                provide_context(Ctx(2));
                assert_eq!(use_context::<Ctx>(), Some(Ctx(2)));
            });
            assert_eq!(use_context::<Ctx>(), Some(Ctx(1)));
            // Inside an effect (its own owner) too.
            let seen = Rc::new(Cell::new(0));
            let out = seen.clone();
            Effect::new(move |_| out.set(use_context::<Ctx>().map_or(0, |c| c.0)));
            assert_eq!(seen.get(), 1);
        });
    });
    assert_eq!(use_context::<Ctx>(), None);
}

#[test]
fn stored_value_and_callback() {
    let v = StoredValue::new(vec![1]);
    v.update_value(|v| v.push(2));
    assert_eq!(v.get_value(), [1, 2]);
    v.set_value(vec![3]);
    assert_eq!(v.with_value(|v| v.len()), 1);
    let local = StoredValue::<_, LocalStorage>::new_local(5u8);
    assert_eq!(local.get_value(), 5);

    let total = RwSignal::new(0);
    let add = Callback::new(move |(a, b): (i32, i32)| total.update(|t| *t += a + b));
    let copy = add;
    add.run((1, 2));
    copy.run((3, 4));
    assert_eq!(total.get_untracked(), 10);
    let square = Callback::new(|x: i32| x * x);
    assert_eq!(square.run(3), 9);
}

#[test]
fn derived_signal() {
    let s = RwSignal::new(2);
    let d = Signal::derive(move || s.get() * 100);
    let seen = Rc::new(Cell::new(0));
    let out = seen.clone();
    Effect::new(move |_| out.set(d.get()));
    s.set(3);
    flush();
    assert_eq!(seen.get(), 300);
    assert_eq!(d.with(|v| v + 1), 301);
    assert_eq!(d.get_untracked(), 300);
    let from: Signal<i32> = s.into();
    assert_eq!(from.get(), 3);
    let m = Memo::new(move |_| s.get() + 1);
    let from_memo: Signal<i32> = m.into();
    assert_eq!(from_memo.get(), 4);
}

#[test]
fn disposed_handles_never_panic_while_their_value_is_kept() {
    let owner = Owner::new();
    let (s, m, v, cb, d) = owner.with(|| {
        let s = RwSignal::new(String::from("x"));
        let m = Memo::new(move |_| s.get().len());
        m.get(); // computed once, so it has a value to keep
        let v = StoredValue::new(1);
        let cb = Callback::new(|x: u8| x + 1);
        let d = Signal::derive(move || s.get());
        (s, m, v, cb, d)
    });
    owner.cleanup();
    owner.cleanup(); // twice is fine
    s.set("y".into());
    s.update(|x| x.push('z'));
    assert_eq!(s.get(), "x");
    assert_eq!(s.with_untracked(String::len), 1);
    s.track();
    assert_eq!(m.get(), 1);
    assert_eq!(m.try_get(), None);
    m.track();
    v.set_value(2);
    assert_eq!(v.get_value(), 1);
    assert_eq!(v.try_get_value(), None);
    assert_eq!(cb.run(1), 0, "a disposed callback returns the default");
    assert_eq!(d.try_get(), None);
    d.track();
    // Reading disposed nodes inside a live effect does not subscribe it.
    let (runs, bump) = counter();
    Effect::new(move |_| {
        s.get();
        m.get();
        bump();
    });
    flush();
    assert_eq!(runs.get(), 1);
    // An owner used after cleanup still runs its closure.
    assert_eq!(owner.with(|| 3), 3);
    Effect::new(|_| ()).dispose();
}

#[test]
fn nested_reads_and_writes_inside_with() {
    let a = RwSignal::new(1);
    let b = RwSignal::new(2);
    // Writing another signal while reading one is fine.
    a.with(|x| b.set(*x + b.get_untracked()));
    assert_eq!(b.get_untracked(), 3);
    // Writing the same signal while it is borrowed is ignored instead of panicking.
    a.with(|_| a.set(9));
    assert_eq!(a.get_untracked(), 1);
    assert_eq!(a.with(|_| a.try_get()), Some(1));
}

#[test]
fn slot_reuse_keeps_handles_apart() {
    let owner = Owner::new();
    let old = owner.with(|| RwSignal::new(1u8));
    owner.cleanup();
    let new = RwSignal::new(2u8); // reuses the slot
    assert_eq!(new.get(), 2);
    assert_eq!(old.try_get(), None);
    old.set(5);
    assert_eq!(new.get(), 2);
}
