package io.nats4j.testkit;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit condition behind {@link RequiresServerVersion}. Stateless and thread-safe; registered
 * by the annotation, not meant to be used directly.
 */
public final class RequiresServerVersionCondition implements ExecutionCondition {

  /** Creates the condition (JUnit does this). */
  public RequiresServerVersionCondition() {}

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<RequiresServerVersion> required =
        AnnotationSupport.findAnnotation(context.getElement(), RequiresServerVersion.class);
    if (required.isEmpty()) {
      return ConditionEvaluationResult.enabled("no server version required");
    }
    String actual = ServerBinary.version();
    String minimum = required.get().value();
    if (compareVersions(actual, minimum) >= 0) {
      return ConditionEvaluationResult.enabled("nats-server " + actual + " >= " + minimum);
    }
    String reason =
        context.getDisplayName()
            + " skipped: needs nats-server "
            + minimum
            + " or newer, found "
            + actual
            + " at "
            + ServerBinary.locate();
    System.err.println("[nats4j-testkit] " + reason);
    return ConditionEvaluationResult.disabled(reason);
  }

  /**
   * Compares dotted versions numerically ({@code "2.9.10" < "2.10.0"}); a pre-release suffix
   * ({@code "2.12.0-beta.1"}) sorts before the release.
   */
  static int compareVersions(String a, String b) {
    String[] left = a.replaceFirst("^v", "").split("[-+]", 2);
    String[] right = b.replaceFirst("^v", "").split("[-+]", 2);
    String[] leftParts = left[0].split("\\.");
    String[] rightParts = right[0].split("\\.");
    for (int i = 0; i < Math.max(leftParts.length, rightParts.length); i++) {
      int l = i < leftParts.length ? Integer.parseInt(leftParts[i]) : 0;
      int r = i < rightParts.length ? Integer.parseInt(rightParts[i]) : 0;
      if (l != r) {
        return Integer.compare(l, r);
      }
    }
    boolean leftPre = a.replaceFirst("\\+.*", "").contains("-");
    boolean rightPre = b.replaceFirst("\\+.*", "").contains("-");
    return Boolean.compare(rightPre, leftPre);
  }
}
