package org.flyte.admin.executor.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A weighted random choice that is the same for the same seed, as {@code WeightedRandomList} of
 * {@code flytestdlib/random/weighted_random_list.go} (v1.16.8) chooses: entries sorted by id, zero
 * weights left out unless all are zero (then all weigh the same), a uniform draw in {@code [0,
 * total)} picking the first entry whose running total reaches it. The seed is FNV-1a (64 bit) of
 * the execution's name, as in Flyte; the generator is Java's {@link SplittableRandom}, not Go's
 * {@code math/rand}, so a name may land on another cluster than Go's FlyteAdmin would pick, but
 * always on the same one.
 *
 * @param <T> the entries
 */
final class WeightedChoice<T> {

  /**
   * An entry and its weight.
   *
   * @param id what entries are sorted by
   * @param item the entry
   * @param weight between 0 and 1
   */
  record Entry<T>(String id, T item, float weight) {}

  private final List<Entry<T>> entries = new ArrayList<>();
  private final List<Float> runningTotals = new ArrayList<>();
  private final float total;

  /**
   * @throws IllegalArgumentException when there is no entry or a weight is outside [0, 1]
   */
  WeightedChoice(List<Entry<T>> candidates) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("entries is empty");
    }
    for (Entry<T> e : candidates) {
      if (e.weight() < 0 || e.weight() > 1) {
        throw new IllegalArgumentException("invalid weight " + e.weight() + " of " + e.id());
      }
    }
    List<Entry<T>> sorted = new ArrayList<>(candidates);
    sorted.sort(Comparator.comparing(Entry::id));
    float sum = 0;
    for (Entry<T> e : sorted) {
      sum += e.weight();
    }
    float running = 0;
    for (Entry<T> e : sorted) {
      if (sum == 0) {
        running += 1.0f / sorted.size();
      } else if (e.weight() == 0) {
        continue;
      }
      running += e.weight();
      entries.add(e);
      runningTotals.add(running);
    }
    total = running;
  }

  /** The entries that can be chosen, in order. */
  List<T> items() {
    return entries.stream().map(Entry::item).toList();
  }

  /** The entry chosen for {@code seed}: always the same one for the same seed. */
  T choose(String seed) {
    float draw = (float) new SplittableRandom(fnv1a64(seed)).nextDouble() * total;
    for (int i = 0; i < entries.size(); i++) {
      if (runningTotals.get(i) >= draw && runningTotals.get(i) > 0) {
        return entries.get(i).item();
      }
    }
    return entries.get(entries.size() - 1).item();
  }

  static long fnv1a64(String text) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}
