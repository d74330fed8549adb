package com.cci.schemas.qa;

import java.util.List;

/**
 * The outcome of importing a form from another format.
 *
 * @param form the valid QA form
 * @param skipped source items that could not become criteria, one human line each (e.g. a Connect
 *     TEXT question, which has no pass/fail answer); nothing is dropped without a line here
 */
public record MappedForm(QaForm form, List<String> skipped) {
  public MappedForm {
    skipped = List.copyOf(skipped);
  }
}
