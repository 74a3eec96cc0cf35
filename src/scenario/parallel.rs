//! Checking files on every core. Each worker takes the next unchecked file until none
//! is left, so one slow file does not hold up a whole chunk; the results are put back in
//! the input's order, so the report never depends on thread timing.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};

/// `items.iter().map(f).collect()`, run on up to one thread per core, in input order.
pub(crate) fn map_in_order<T, R, F>(items: &[T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let workers = std::thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .min(items.len());
    map_with_workers(items, workers, f)
}

fn map_with_workers<T, R, F>(items: &[T], workers: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    if workers <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, f(item)));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(mine) => mine,
                // A panic in a worker is a bug; surface it as the panic it was.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_input_order_whatever_the_timing() {
        let items: Vec<u64> = (0..300).collect();
        // Early items take longest, so workers finish them last.
        let slow_first = |n: &u64| {
            if *n < 8 {
                std::thread::sleep(std::time::Duration::from_millis(8 - n));
            }
            n * 2
        };
        for workers in [1, 2, 3, 8] {
            let got = map_with_workers(&items, workers, slow_first);
            let want: Vec<u64> = items.iter().map(|n| n * 2).collect();
            assert_eq!(got, want, "with {workers} workers");
        }
    }

    #[test]
    fn every_item_is_mapped_exactly_once() {
        let calls = AtomicUsize::new(0);
        let items: Vec<usize> = (0..1000).collect();
        let got = map_with_workers(&items, 4, |n| {
            calls.fetch_add(1, Ordering::Relaxed);
            *n
        });
        assert_eq!(calls.load(Ordering::Relaxed), 1000);
        assert_eq!(got, items);
    }

    #[test]
    fn no_items_no_threads() {
        let got: Vec<u8> = map_in_order(&[] as &[u8], |n| *n);
        assert!(got.is_empty());
    }
}
