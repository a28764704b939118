//! A small single-threaded reactive core: signals, memos, effects, stored values,
//! callbacks, owners and context, with the API surface the UI used from
//! `reactive_graph` (so switching is a change of imports).
//!
//! Why not `reactive_graph`: size. Every signal type there is its own
//! `Arc<RwLock<..>>` machinery; here all graph logic (subscribe, mark, check, dispose,
//! schedule) is non-generic code over node ids, values are type-erased
//! (`Rc<dyn Any>` holding a `RefCell<T>`), and the generic accessors only downcast.
//!
//! # Model
//! - Every node (signal, memo, effect, stored value, owner) lives in one thread-local
//!   arena and is named by a `Copy` id with a generation. Every node can own children:
//!   nodes created while a node is the current owner belong to it and are disposed with
//!   it. A memo or effect is the owner while it runs, and disposes what it created (and
//!   runs its `on_cleanup` callbacks) before each re-run.
//! - Push-pull propagation with three states (clean, check, dirty): setting a signal
//!   marks its direct subscribers dirty and everything downstream of a memo "check";
//!   a "check" node asks its memo sources in order to refresh, and any memo that
//!   changes marks *all* its direct subscribers dirty. So an effect that reads a
//!   derived memo B before its source memo A still sees A's change (the
//!   `reactive_graph` 0.2 bug).
//! - Memos are lazy (computed on first read) and notify only when the new value differs
//!   (`PartialEq`).
//! - Effects run once, synchronously, when created. Re-runs are queued and run by
//!   [`flush`], in creation order, at most once per round; effects queued while
//!   flushing (an effect set a signal) run in a further round of the same flush. On
//!   wasm32 a flush is scheduled on a microtask whenever an effect is queued; natively
//!   nothing is scheduled and tests call [`flush`].
//!
//! # Disposed handles
//! Nothing panics on a disposed handle as long as its value is still known:
//! - writes (`set`, `update`, `set_value`, …) and `Callback::run` are no-ops;
//! - `try_*` reads return `None`;
//! - a disposed node keeps its last value until its arena slot is reused (slots are
//!   reused oldest-first, so this lasts until as many other nodes have been disposed
//!   and created), and `get`/`with` return that value, untracked.
//!
//! The one case with no value to return is `get`/`with` (not `try_`) through a handle
//! whose slot was already reused (or a lazy memo disposed before it was ever read):
//! there is no `T` to produce, so that panics with a message, as `reactive_graph`
//! does for every read of a disposed node.

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::marker::PhantomData;
use std::rc::Rc;

// ---------------------------------------------------------------------------------------
// The arena and the graph (non-generic)
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Id {
    index: u32,
    generation: u32,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum State {
    Clean,
    Check,
    Dirty,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Signal,
    Memo,
    Effect,
    Stored,
    Owner,
}

/// A memo's computation: gets the slot holding the previous value (`RefCell<T>`), fills
/// or updates it, and says whether the value changed.
type Compute = Box<dyn FnMut(&mut Option<Rc<dyn Any>>) -> bool>;

struct Node {
    generation: u32,
    alive: bool,
    kind: Kind,
    state: State,
    queued: bool,
    /// Creation order (effects re-run in it).
    seq: u64,
    value: Option<Rc<dyn Any>>,
    compute: Option<Compute>,
    effect: Option<Box<dyn FnMut()>>,
    sources: Vec<Id>,
    subscribers: Vec<Id>,
    parent: Option<Id>,
    children: Vec<Id>,
    cleanups: Vec<Box<dyn FnOnce()>>,
    contexts: Vec<(TypeId, Rc<dyn Any>)>,
}

#[derive(Default)]
struct Runtime {
    nodes: Vec<Node>,
    free: VecDeque<u32>,
    seq: u64,
    observer: Option<Id>,
    owner: Option<Id>,
    queue: Vec<Id>,
    scheduled: bool,
    flushing: bool,
}

thread_local! {
    static RT: RefCell<Runtime> = RefCell::default();
}

/// Runs `f` on the runtime. Never call user code inside.
fn rt<R>(f: impl FnOnce(&mut Runtime) -> R) -> R {
    RT.with(|rt| f(&mut rt.borrow_mut()))
}

impl Runtime {
    fn node(&self, id: Id) -> Option<&Node> {
        self.nodes
            .get(id.index as usize)
            .filter(|n| n.generation == id.generation)
    }

    fn node_mut(&mut self, id: Id) -> Option<&mut Node> {
        self.nodes
            .get_mut(id.index as usize)
            .filter(|n| n.generation == id.generation)
    }

    fn live(&mut self, id: Id) -> Option<&mut Node> {
        self.node_mut(id).filter(|n| n.alive)
    }
}

#[inline(never)]
fn alloc(kind: Kind, value: Option<Rc<dyn Any>>) -> Id {
    let (id, zombie) = rt(|rt| {
        rt.seq += 1;
        let parent = rt.owner.filter(|&o| rt.node(o).is_some_and(|n| n.alive));
        let node = Node {
            generation: 0,
            alive: true,
            kind,
            state: State::Clean,
            queued: false,
            seq: rt.seq,
            value,
            compute: None,
            effect: None,
            sources: Vec::new(),
            subscribers: Vec::new(),
            parent,
            children: Vec::new(),
            cleanups: Vec::new(),
            contexts: Vec::new(),
        };
        let (id, zombie) = match rt.free.pop_front() {
            Some(index) => {
                let slot = &mut rt.nodes[index as usize];
                let generation = slot.generation.wrapping_add(1);
                let old = std::mem::replace(slot, Node { generation, ..node });
                (Id { index, generation }, Some(old))
            }
            None => {
                rt.nodes.push(node);
                let index = (rt.nodes.len() - 1) as u32;
                (
                    Id {
                        index,
                        generation: 0,
                    },
                    None,
                )
            }
        };
        if let Some(p) = parent {
            if let Some(p) = rt.node_mut(p) {
                p.children.push(id);
            }
        }
        (id, zombie)
    });
    // The last value of the disposed node that held the slot is dropped outside the borrow.
    drop(zombie);
    id
}

/// The value of a live node (or, when `kept`, of a disposed node whose slot was not
/// reused), subscribing the current observer and refreshing a memo first when `track`.
#[inline(never)]
fn read(id: Id, track: bool, kept: bool) -> Option<Rc<dyn Any>> {
    let kind = rt(|rt| rt.live(id).map(|n| n.kind));
    if kind == Some(Kind::Memo) {
        refresh(id);
    }
    rt(|rt| {
        if track && kind.is_some() {
            if let Some(o) = rt.observer {
                let fresh = match rt.live(o) {
                    Some(obs) if !obs.sources.contains(&id) => {
                        obs.sources.push(id);
                        true
                    }
                    _ => false,
                };
                if fresh {
                    if let Some(n) = rt.node_mut(id) {
                        n.subscribers.push(o);
                    }
                }
            }
        }
        rt.node(id)
            .filter(|n| kept || n.alive)
            .and_then(|n| n.value.clone())
    })
}

/// The value of a live node, for writing.
#[inline(never)]
fn writable(id: Id) -> Option<Rc<dyn Any>> {
    rt(|rt| rt.live(id).and_then(|n| n.value.clone()))
}

/// Marks what depends on a signal that changed and schedules the effects.
#[inline(never)]
fn notify(id: Id) {
    rt(|rt| {
        let subs = match rt.live(id) {
            Some(n) => n.subscribers.clone(),
            None => return,
        };
        for s in subs {
            mark(rt, s, State::Dirty);
        }
    });
    schedule();
}

fn mark(rt: &mut Runtime, id: Id, state: State) {
    let Runtime { nodes, queue, .. } = rt;
    let mut stack = vec![(id, state)];
    while let Some((id, state)) = stack.pop() {
        let Some(n) = nodes
            .get_mut(id.index as usize)
            .filter(|n| n.generation == id.generation && n.alive)
        else {
            continue;
        };
        if n.state >= state {
            continue;
        }
        let was = n.state;
        n.state = state;
        match n.kind {
            Kind::Effect if !n.queued => {
                n.queued = true;
                queue.push(id);
            }
            Kind::Memo if was == State::Clean => {
                stack.extend(n.subscribers.iter().map(|&s| (s, State::Check)));
            }
            _ => {}
        }
    }
}

fn state(id: Id) -> Option<(State, Kind)> {
    rt(|rt| rt.live(id).map(|n| (n.state, n.kind)))
}

/// Brings a memo or effect up to date: a "check" node refreshes its memo sources in
/// order and re-runs only if one of them changed (which marks it dirty).
#[inline(never)]
fn refresh(id: Id) {
    let Some((st, _)) = state(id) else { return };
    if st == State::Clean {
        return;
    }
    if st == State::Check {
        let sources = rt(|rt| rt.live(id).map(|n| n.sources.clone()).unwrap_or_default());
        for s in sources {
            if matches!(state(s), Some((_, Kind::Memo))) {
                refresh(s);
            }
            if matches!(state(id), Some((State::Dirty, _))) {
                break;
            }
        }
    }
    match state(id) {
        Some((State::Dirty, _)) => run(id),
        Some(_) => rt(|rt| {
            if let Some(n) = rt.live(id) {
                n.state = State::Clean;
            }
        }),
        None => {}
    }
}

/// Re-runs a memo or an effect: disposes what its last run created, drops its
/// subscriptions and runs it as the observer and owner.
#[inline(never)]
fn run(id: Id) {
    // A memo read while it computes (a cycle) is not re-entered.
    let runnable = rt(|rt| {
        rt.live(id)
            .is_some_and(|n| n.compute.is_some() || n.effect.is_some())
    });
    if !runnable {
        return;
    }
    clean(id);
    let taken = rt(|rt| {
        let n = rt.live(id)?;
        n.state = State::Clean;
        let sources = std::mem::take(&mut n.sources);
        let taken = (n.compute.take(), n.effect.take(), n.value.clone());
        for s in sources {
            if let Some(s) = rt.node_mut(s) {
                if let Some(i) = s.subscribers.iter().position(|&x| x == id) {
                    s.subscribers.swap_remove(i);
                }
            }
        }
        Some(taken)
    });
    let Some((compute, effect, mut value)) = taken else {
        return;
    };
    let saved = rt(|rt| (rt.observer.replace(id), rt.owner.replace(id)));
    let mut changed = false;
    let compute = compute.map(|mut f| {
        changed = f(&mut value);
        f
    });
    let effect = effect.map(|mut f| {
        f();
        f
    });
    let dropped = rt(|rt| {
        (rt.observer, rt.owner) = saved;
        let Some(n) = rt.live(id) else {
            return Some((compute, effect));
        };
        if n.compute.is_none() {
            n.compute = compute;
        }
        if n.effect.is_none() {
            n.effect = effect;
        }
        if changed {
            n.value = value;
            let subs = n.subscribers.clone();
            for s in subs {
                mark(rt, s, State::Dirty);
            }
        }
        None
    });
    // A node disposed while running drops its function here, outside the borrow.
    drop(dropped);
    if changed {
        schedule();
    }
}

/// Disposes what a node owns (children, recursively) and runs its cleanups; the node
/// itself stays.
#[inline(never)]
fn clean(id: Id) {
    let taken = rt(|rt| {
        rt.node_mut(id).map(|n| {
            (
                std::mem::take(&mut n.children),
                std::mem::take(&mut n.cleanups),
            )
        })
    });
    let Some((children, cleanups)) = taken else {
        return;
    };
    for child in children.into_iter().rev() {
        dispose_node(id_parentless(child));
    }
    for f in cleanups {
        f();
    }
}

fn id_parentless(id: Id) -> Id {
    rt(|rt| {
        if let Some(n) = rt.node_mut(id) {
            n.parent = None;
        }
    });
    id
}

/// Disposes a node and everything it owns. It keeps its last value (see the module
/// docs) until its slot is reused.
#[inline(never)]
fn dispose_node(id: Id) {
    let parent = rt(|rt| rt.live(id).map(|n| n.parent));
    let Some(parent) = parent else { return };
    if let Some(p) = parent {
        rt(|rt| {
            if let Some(p) = rt.node_mut(p) {
                if let Some(i) = p.children.iter().position(|&c| c == id) {
                    p.children.remove(i);
                }
            }
        });
    }
    clean(id);
    let dropped = rt(|rt| {
        let n = rt.live(id)?;
        n.alive = false;
        n.parent = None;
        n.subscribers = Vec::new();
        let sources = std::mem::take(&mut n.sources);
        let dropped = (
            n.compute.take(),
            n.effect.take(),
            std::mem::take(&mut n.contexts),
        );
        for s in sources {
            if let Some(s) = rt.node_mut(s) {
                if let Some(i) = s.subscribers.iter().position(|&x| x == id) {
                    s.subscribers.swap_remove(i);
                }
            }
        }
        rt.free.push_back(id.index);
        Some(dropped)
    });
    drop(dropped);
}

#[inline(never)]
fn schedule() {
    let go = rt(|rt| {
        let go = !rt.queue.is_empty() && !rt.scheduled && !rt.flushing;
        rt.scheduled |= go;
        go
    });
    #[cfg(target_arch = "wasm32")]
    if go {
        wasm_bindgen_futures::spawn_local(async { flush() });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = go;
}

/// Runs the queued effect re-runs now: in creation order, each at most once per round,
/// skipping disposed ones; effects queued meanwhile run in further rounds (at most 100,
/// to stop an effect loop). On wasm32 this is called on a microtask after a change;
/// natively, call it (tests).
pub fn flush() {
    if rt(|rt| std::mem::replace(&mut rt.flushing, true)) {
        return;
    }
    for _ in 0..100 {
        let mut batch = rt(|rt| {
            rt.scheduled = false;
            let mut batch = std::mem::take(&mut rt.queue);
            for &id in &batch {
                if let Some(n) = rt.node_mut(id) {
                    n.queued = false;
                }
            }
            batch.retain(|&id| rt.node(id).is_some_and(|n| n.alive));
            crate::engine::order::sort_by_key(&mut batch, |&id| rt.node(id).map_or(0, |n| n.seq));
            batch
        });
        if batch.is_empty() {
            break;
        }
        for id in batch.drain(..) {
            refresh(id);
        }
    }
    rt(|rt| {
        rt.flushing = false;
        if !rt.queue.is_empty() {
            warn("reactive: effects still queued after 100 rounds (an effect loop?)");
            for id in std::mem::take(&mut rt.queue) {
                if let Some(n) = rt.node_mut(id) {
                    n.queued = false;
                }
            }
        }
    });
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = warn)]
    fn console_warn(message: &str);
}

#[cold]
#[inline(never)]
fn warn(message: &str) {
    #[cfg(target_arch = "wasm32")]
    console_warn(message);
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("{message}");
}

#[cold]
#[inline(never)]
fn gone() -> ! {
    panic!("reactive: read of a disposed value that is no longer kept (use try_ reads)")
}

fn with_observer<R>(observer: Option<Id>, f: impl FnOnce() -> R) -> R {
    let saved = rt(|rt| std::mem::replace(&mut rt.observer, observer));
    let r = f();
    rt(|rt| rt.observer = saved);
    r
}

/// Runs `f` without subscribing the running memo or effect to what it reads.
pub fn untrack<R>(f: impl FnOnce() -> R) -> R {
    with_observer(None, f)
}

#[inline(never)]
fn new_effect(f: Box<dyn FnMut()>) -> Id {
    let id = alloc(Kind::Effect, None);
    rt(|rt| {
        if let Some(n) = rt.node_mut(id) {
            n.effect = Some(f);
            n.state = State::Dirty;
        }
    });
    refresh(id);
    id
}

#[inline(never)]
fn new_memo(f: Compute) -> Id {
    let id = alloc(Kind::Memo, None);
    rt(|rt| {
        if let Some(n) = rt.node_mut(id) {
            n.compute = Some(f);
            n.state = State::Dirty;
        }
    });
    id
}

// ---------------------------------------------------------------------------------------
// Small generic accessors
// ---------------------------------------------------------------------------------------

fn boxed<T: 'static>(value: T) -> Option<Rc<dyn Any>> {
    Some(Rc::new(RefCell::new(value)))
}

fn try_with<T: 'static, R>(id: Id, track: bool, f: impl FnOnce(&T) -> R) -> Option<R> {
    with_kept(id, track, false, f)
}

fn with_kept<T: 'static, R>(id: Id, track: bool, kept: bool, f: impl FnOnce(&T) -> R) -> Option<R> {
    let value = read(id, track, kept)?;
    let cell = value.downcast_ref::<RefCell<T>>()?;
    let value = cell.try_borrow().ok()?;
    Some(f(&value))
}

fn try_update<T: 'static, R>(id: Id, f: impl FnOnce(&mut T) -> R) -> Option<R> {
    let value = writable(id)?;
    let cell = value.downcast_ref::<RefCell<T>>()?;
    let mut value = cell.try_borrow_mut().ok()?;
    Some(f(&mut value))
}

macro_rules! copy_handle {
    ($name:ident) => {
        impl<T> Clone for $name<T> {
            fn clone(&self) -> Self {
                *self
            }
        }
        impl<T> Copy for $name<T> {}
        impl<T> PartialEq for $name<T> {
            fn eq(&self, other: &Self) -> bool {
                self.id == other.id
            }
        }
        impl<T> Eq for $name<T> {}
        impl<T> std::fmt::Debug for $name<T> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_tuple(stringify!($name)).field(&self.id).finish()
            }
        }
    };
}

// ---------------------------------------------------------------------------------------
// RwSignal
// ---------------------------------------------------------------------------------------

/// A readable and writable signal (a `Copy` handle).
pub struct RwSignal<T> {
    id: Id,
    ty: PhantomData<fn() -> T>,
}
copy_handle!(RwSignal);

impl<T: 'static> RwSignal<T> {
    /// A signal owned by the current owner.
    pub fn new(value: T) -> Self {
        RwSignal {
            id: alloc(Kind::Signal, boxed(value)),
            ty: PhantomData,
        }
    }

    /// The value (tracked), or `None` when it is gone.
    pub fn try_with<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R> {
        try_with(self.id, true, f)
    }

    /// The value, untracked, or `None` when it is gone.
    pub fn try_with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R> {
        try_with(self.id, false, f)
    }

    /// Reads the value by reference (tracked).
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        with_kept(self.id, true, true, f).unwrap_or_else(|| gone())
    }

    /// Reads the value by reference without subscribing.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        with_kept(self.id, false, true, f).unwrap_or_else(|| gone())
    }

    /// A clone of the value (tracked).
    pub fn get(&self) -> T
    where
        T: Clone,
    {
        self.with(T::clone)
    }

    /// A clone of the value, untracked.
    pub fn get_untracked(&self) -> T
    where
        T: Clone,
    {
        self.with_untracked(T::clone)
    }

    /// A clone of the value (tracked), or `None` when it is gone.
    pub fn try_get(&self) -> Option<T>
    where
        T: Clone,
    {
        self.try_with(T::clone)
    }

    /// Subscribes the running memo or effect without reading.
    pub fn track(&self) {
        read(self.id, true, false);
    }

    /// Changes the value in place and notifies (a no-op on a disposed signal).
    pub fn update(&self, f: impl FnOnce(&mut T)) {
        if try_update(self.id, f).is_some() {
            notify(self.id);
        }
    }

    /// Replaces the value and notifies (a no-op on a disposed signal).
    pub fn set(&self, value: T) {
        self.update(move |v| *v = value);
    }

    /// Disposes the signal now.
    pub fn dispose(self) {
        dispose_node(self.id);
    }
}

// ---------------------------------------------------------------------------------------
// Memo
// ---------------------------------------------------------------------------------------

/// A lazily computed value that notifies only when it changes.
pub struct Memo<T> {
    id: Id,
    ty: PhantomData<fn() -> T>,
}
copy_handle!(Memo);

impl<T: PartialEq + 'static> Memo<T> {
    /// A memo computed by `f` from its previous value (`None` the first time).
    pub fn new(f: impl Fn(Option<&T>) -> T + 'static) -> Self {
        let compute: Compute = Box::new(move |slot| {
            let Some(cell) = slot.as_ref().and_then(|v| v.downcast_ref::<RefCell<T>>()) else {
                *slot = boxed(f(None));
                return true;
            };
            let Ok(prev) = cell.try_borrow() else {
                return false;
            };
            let next = f(Some(&prev));
            let changed = *prev != next;
            drop(prev);
            if changed {
                if let Ok(mut v) = cell.try_borrow_mut() {
                    *v = next;
                }
            }
            changed
        });
        Memo {
            id: new_memo(compute),
            ty: PhantomData,
        }
    }
}

impl<T: 'static> Memo<T> {
    /// The value (tracked), or `None` when it is gone.
    pub fn try_with<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R> {
        try_with(self.id, true, f)
    }

    /// The value, untracked, or `None` when it is gone.
    pub fn try_with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R> {
        try_with(self.id, false, f)
    }

    /// Reads the value by reference (tracked).
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        with_kept(self.id, true, true, f).unwrap_or_else(|| gone())
    }

    /// Reads the value by reference without subscribing.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        with_kept(self.id, false, true, f).unwrap_or_else(|| gone())
    }

    /// A clone of the value (tracked).
    pub fn get(&self) -> T
    where
        T: Clone,
    {
        self.with(T::clone)
    }

    /// A clone of the value, untracked.
    pub fn get_untracked(&self) -> T
    where
        T: Clone,
    {
        self.with_untracked(T::clone)
    }

    /// A clone of the value (tracked), or `None` when it is gone.
    pub fn try_get(&self) -> Option<T>
    where
        T: Clone,
    {
        self.try_with(T::clone)
    }

    /// Subscribes the running memo or effect without reading (the memo is brought up
    /// to date).
    pub fn track(&self) {
        read(self.id, true, false);
    }

    /// Disposes the memo now.
    pub fn dispose(self) {
        dispose_node(self.id);
    }
}

// ---------------------------------------------------------------------------------------
// Signal (derived)
// ---------------------------------------------------------------------------------------

/// A read-only signal computed on every read (not memoized): reads inside it subscribe
/// whoever reads it.
pub struct Signal<T> {
    id: Id,
    ty: PhantomData<fn() -> T>,
}
copy_handle!(Signal);

impl<T: 'static> Signal<T> {
    /// A signal computed by `f` on each read.
    pub fn derive(f: impl Fn() -> T + 'static) -> Self {
        let f: Box<dyn Fn() -> T> = Box::new(f);
        Signal {
            id: alloc(Kind::Stored, Some(Rc::new(f))),
            ty: PhantomData,
        }
    }

    fn compute(&self, kept: bool) -> Option<T> {
        let f = read(self.id, false, kept)?;
        let f = f.downcast_ref::<Box<dyn Fn() -> T>>()?;
        Some(f())
    }

    /// The value (tracked), or `None` when disposed.
    pub fn try_get(&self) -> Option<T> {
        self.compute(false)
    }

    /// The value (tracked).
    pub fn get(&self) -> T {
        self.compute(true).unwrap_or_else(|| gone())
    }

    /// The value, untracked.
    pub fn get_untracked(&self) -> T {
        untrack(|| self.get())
    }

    /// Reads the value by reference (tracked).
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        f(&self.get())
    }

    /// Reads the value by reference without subscribing.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        f(&self.get_untracked())
    }

    /// Subscribes the running memo or effect to what the signal reads.
    pub fn track(&self) {
        let _ = self.try_get();
    }
}

impl<T: Clone + 'static> From<RwSignal<T>> for Signal<T> {
    fn from(s: RwSignal<T>) -> Self {
        Signal::derive(move || s.get())
    }
}

impl<T: Clone + PartialEq + 'static> From<Memo<T>> for Signal<T> {
    fn from(m: Memo<T>) -> Self {
        Signal::derive(move || m.get())
    }
}

// ---------------------------------------------------------------------------------------
// StoredValue
// ---------------------------------------------------------------------------------------

/// The storage marker of `reactive_graph`'s `StoredValue<T, LocalStorage>`: here every
/// value is local, the parameter only keeps `StoredValue::<_, LocalStorage>` paths
/// compiling.
pub struct LocalStorage;

/// A non-reactive value owned by the current owner (a `Copy` handle).
pub struct StoredValue<T, S = LocalStorage> {
    id: Id,
    ty: PhantomData<fn() -> (T, S)>,
}

impl<T, S> Clone for StoredValue<T, S> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T, S> Copy for StoredValue<T, S> {}

impl<T: 'static> StoredValue<T, LocalStorage> {
    /// Stores `value` under the current owner.
    pub fn new(value: T) -> Self {
        StoredValue {
            id: alloc(Kind::Stored, boxed(value)),
            ty: PhantomData,
        }
    }

    /// The same as [`StoredValue::new`] (every value is local here).
    pub fn new_local(value: T) -> Self {
        Self::new(value)
    }
}

impl<T: 'static, S> StoredValue<T, S> {
    /// Reads the value by reference, or `None` when it is gone.
    pub fn try_with_value<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R> {
        try_with(self.id, false, f)
    }

    /// Reads the value by reference.
    pub fn with_value<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        with_kept(self.id, false, true, f).unwrap_or_else(|| gone())
    }

    /// A clone of the value.
    pub fn get_value(&self) -> T
    where
        T: Clone,
    {
        self.with_value(T::clone)
    }

    /// A clone of the value, or `None` when it is gone.
    pub fn try_get_value(&self) -> Option<T>
    where
        T: Clone,
    {
        self.try_with_value(T::clone)
    }

    /// Changes the value in place (a no-op when disposed).
    pub fn update_value(&self, f: impl FnOnce(&mut T)) {
        let _ = try_update(self.id, f);
    }

    /// Replaces the value (a no-op when disposed).
    pub fn set_value(&self, value: T) {
        self.update_value(move |v| *v = value);
    }

    /// Disposes the value now.
    pub fn dispose(self) {
        dispose_node(self.id);
    }
}

// ---------------------------------------------------------------------------------------
// Callback
// ---------------------------------------------------------------------------------------

/// A `Copy` handle to a function, owned by the current owner.
pub struct Callback<In: 'static, Out: 'static = ()> {
    id: Id,
    ty: PhantomData<fn(In) -> Out>,
}

impl<In, Out> Clone for Callback<In, Out> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<In, Out> Copy for Callback<In, Out> {}

impl<In: 'static, Out: 'static> Callback<In, Out> {
    /// Stores `f` under the current owner.
    pub fn new(f: impl Fn(In) -> Out + 'static) -> Self {
        let f: Box<dyn Fn(In) -> Out> = Box::new(f);
        Callback {
            id: alloc(Kind::Stored, Some(Rc::new(f))),
            ty: PhantomData,
        }
    }

    /// Calls the function, or returns `None` when it was disposed.
    pub fn try_run(&self, input: In) -> Option<Out> {
        let f = read(self.id, false, false)?;
        let f = f.downcast_ref::<Box<dyn Fn(In) -> Out>>()?;
        Some(f(input))
    }

    /// Calls the function (a disposed callback does nothing and returns the default).
    pub fn run(&self, input: In) -> Out
    where
        Out: Default,
    {
        self.try_run(input).unwrap_or_default()
    }
}

// ---------------------------------------------------------------------------------------
// Effects
// ---------------------------------------------------------------------------------------

/// A side effect that re-runs (batched, see [`flush`]) when what it read changes.
/// Owned by the current owner: it lives until that owner is cleaned up.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Effect {
    id: Id,
}

/// `reactive_graph`'s render effect: here the same as [`Effect`].
pub type RenderEffect = Effect;

impl Effect {
    /// Runs `f` now (with `None`), and again (with its last result) after what it read
    /// changes.
    pub fn new<T: 'static>(mut f: impl FnMut(Option<T>) -> T + 'static) -> Effect {
        let mut prev: Option<T> = None;
        Effect {
            id: new_effect(Box::new(move || prev = Some(f(prev.take())))),
        }
    }

    /// Stops the effect now.
    pub fn dispose(self) {
        dispose_node(self.id);
    }
}

// ---------------------------------------------------------------------------------------
// Owners and context
// ---------------------------------------------------------------------------------------

/// Owns the nodes created while it is current (see [`Owner::with`]) and disposes them
/// in [`Owner::cleanup`]. A handle: dropping it changes nothing.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Owner {
    id: Id,
}

impl Default for Owner {
    fn default() -> Self {
        Owner::new()
    }
}

impl Owner {
    /// A new owner, a child of the current owner if there is one.
    pub fn new() -> Owner {
        Owner {
            id: alloc(Kind::Owner, None),
        }
    }

    /// The current owner (a running memo or effect is the owner while it runs).
    pub fn current() -> Option<Owner> {
        rt(|rt| rt.owner.filter(|&o| rt.node(o).is_some_and(|n| n.alive))).map(|id| Owner { id })
    }

    /// A new child of this owner.
    pub fn child(&self) -> Owner {
        self.with(Owner::new)
    }

    /// Runs `f` with this owner current.
    pub fn with<R>(&self, f: impl FnOnce() -> R) -> R {
        let saved = rt(|rt| rt.owner.replace(self.id));
        let r = f();
        rt(|rt| rt.owner = saved);
        r
    }

    /// Disposes everything this owner owns (recursively) and runs its cleanups, then
    /// the owner itself: use a new owner for anything built afterwards (nodes created
    /// under a disposed owner have no owner).
    pub fn cleanup(&self) {
        dispose_node(self.id);
    }
}

/// Runs `f` when the current owner is cleaned up (or the running memo or effect re-runs).
pub fn on_cleanup(f: impl FnOnce() + 'static) {
    add_cleanup(Box::new(f));
}

#[inline(never)]
fn add_cleanup(f: Box<dyn FnOnce()>) {
    let rejected = rt(|rt| match rt.owner.and_then(|o| rt.live(o)) {
        Some(n) => {
            n.cleanups.push(f);
            None
        }
        None => Some(f),
    });
    drop(rejected);
}

/// Makes `value` available to [`use_context`] under the current owner (replacing a
/// value of the same type provided by this owner).
pub fn provide_context<T: 'static>(value: T) {
    set_context(TypeId::of::<T>(), Rc::new(value));
}

#[inline(never)]
fn set_context(ty: TypeId, value: Rc<dyn Any>) {
    let old = rt(|rt| {
        let n = rt.owner.and_then(|o| rt.live(o))?;
        match n.contexts.iter_mut().find(|(t, _)| *t == ty) {
            Some(slot) => Some(std::mem::replace(&mut slot.1, value)),
            None => {
                n.contexts.push((ty, value));
                None
            }
        }
    });
    drop(old);
}

/// The nearest value of type `T` provided by the current owner or its ancestors.
pub fn use_context<T: Clone + 'static>() -> Option<T> {
    find_context(TypeId::of::<T>())?
        .downcast_ref::<T>()
        .cloned()
}

#[inline(never)]
fn find_context(ty: TypeId) -> Option<Rc<dyn Any>> {
    rt(|rt| {
        let mut at = rt.owner;
        while let Some(id) = at {
            let n = rt.node(id).filter(|n| n.alive)?;
            if let Some((_, v)) = n.contexts.iter().find(|(t, _)| *t == ty) {
                return Some(v.clone());
            }
            at = n.parent;
        }
        None
    })
}

#[cfg(test)]
mod tests;
