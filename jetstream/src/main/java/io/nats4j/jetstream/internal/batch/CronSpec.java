package io.nats4j.jetstream.internal.batch;

import java.util.Locale;
import java.util.Map;

/**
 * Checks a six-field cron expression the way nats-server parses it (server/cron.go): seconds,
 * minutes, hours, day of month, month (1-12 or jan-dec), day of week (0-6 or sun-sat); each field a
 * comma list of {@code *}, {@code ?}, a value or a range, each with an optional {@code /step}.
 *
 * <p>Thread-safety: stateless.
 */
public final class CronSpec {
  private static final String[] FIELDS = {
    "seconds", "minutes", "hours", "day of month", "month", "day of week"
  };
  private static final int[] MIN = {0, 0, 0, 1, 1, 0};
  private static final int[] MAX = {59, 59, 23, 31, 12, 6};
  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));
  private static final Map<String, Integer> DAYS =
      Map.of("sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4, "fri", 5, "sat", 6);

  private CronSpec() {}

  /**
   * Validates an expression.
   *
   * @param expression e.g. {@code 0 30 4 * * mon-fri}
   * @throws IllegalArgumentException naming the field and what is wrong
   */
  public static void validate(String expression) {
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException("a cron expression is required");
    }
    String[] fields = expression.trim().split("\\s+");
    if (fields.length != 6) {
      throw new IllegalArgumentException(
          "a cron expression has 6 fields (seconds minutes hours day-of-month month day-of-week),"
              + " '"
              + expression
              + "' has "
              + fields.length);
    }
    for (int i = 0; i < 6; i++) {
      for (String item : fields[i].split(",", -1)) {
        checkItem(i, item, expression);
      }
    }
  }

  private static void checkItem(int field, String item, String expression) {
    String[] rangeAndStep = item.split("/", -1);
    if (rangeAndStep.length > 2) {
      throw invalid(field, item, expression, "more than one '/'");
    }
    String[] lowHigh = rangeAndStep[0].split("-", -1);
    int start;
    int end;
    if (lowHigh[0].equals("*") || lowHigh[0].equals("?")) {
      if (lowHigh.length > 1) {
        throw invalid(field, item, expression, "'*' is not the start of a range");
      }
      start = MIN[field];
      end = MAX[field];
    } else {
      if (lowHigh.length > 2) {
        throw invalid(field, item, expression, "more than one '-'");
      }
      start = value(field, lowHigh[0], item, expression);
      end = lowHigh.length == 2 ? value(field, lowHigh[1], item, expression) : start;
    }
    if (rangeAndStep.length == 2) {
      int step = number(field, rangeAndStep[1], item, expression);
      if (step == 0) {
        throw invalid(field, item, expression, "the step must be positive");
      }
      if (lowHigh.length == 1) {
        end = MAX[field];
      }
    }
    if (start < MIN[field] || end > MAX[field]) {
      throw invalid(field, item, expression, "values must be " + MIN[field] + " to " + MAX[field]);
    }
    if (start > end) {
      throw invalid(field, item, expression, "the range starts after it ends");
    }
  }

  private static int value(int field, String token, String item, String expression) {
    Map<String, Integer> names = field == 4 ? MONTHS : field == 5 ? DAYS : Map.of();
    Integer named = names.get(token.toLowerCase(Locale.ROOT));
    return named != null ? named : number(field, token, item, expression);
  }

  private static int number(int field, String token, String item, String expression) {
    if (token.isEmpty() || !token.chars().allMatch(Character::isDigit) || token.length() > 9) {
      throw invalid(field, item, expression, "'" + token + "' is not a number or name");
    }
    return Integer.parseInt(token);
  }

  private static IllegalArgumentException invalid(
      int field, String item, String expression, String why) {
    return new IllegalArgumentException(
        "cron '" + expression + "': " + FIELDS[field] + " field '" + item + "': " + why);
  }
}
