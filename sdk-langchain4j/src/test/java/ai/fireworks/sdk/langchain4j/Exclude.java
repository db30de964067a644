package ai.fireworks.sdk.langchain4j;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Skips inherited contract tests by method name, saying why in the test report. Works on
 * LangChain4j's package-private test methods too, which a subclass cannot override.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Exclude.List.class)
public @interface Exclude {
  /** Names of the test methods to skip. */
  String[] value();

  /** Why they cannot pass against the emulator. */
  String because();

  /** The container of repeated {@link Exclude}s. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    Exclude[] value();
  }

  /** The JUnit condition reading the test class's {@link Exclude}s. */
  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (context.getTestMethod().isEmpty()) {
        return ConditionEvaluationResult.enabled("a class");
      }
      String method = context.getRequiredTestMethod().getName();
      java.util.List<Exclude> excludes = AnnotationSupport.findRepeatableAnnotations(context.getRequiredTestClass(),
          Exclude.class);
      return excludes.stream().filter(e -> Arrays.asList(e.value()).contains(method)).findFirst()
          .map(e -> ConditionEvaluationResult.disabled("excluded: " + e.because()))
          .orElse(ConditionEvaluationResult.enabled("not excluded"));
    }
  }
}
