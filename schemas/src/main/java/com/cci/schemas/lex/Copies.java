package com.cci.schemas.lex;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Null-tolerant defensive copies: Lex maps carry null values (unfilled slots). */
final class Copies {
  private Copies() {}

  static <K, V> Map<K, V> map(Map<K, V> m) {
    return m == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  static <T> List<T> list(List<T> l) {
    return l == null ? null : Collections.unmodifiableList(new ArrayList<>(l));
  }
}
