package ai.fireworks.sdk.spring.internal;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when at least one deployment is declared under {@code fireworks.deployments}. */
public final class OnDeclaredDeploymentsCondition extends SpringBootCondition {
  /** Creates the condition; Spring calls it. */
  public OnDeclaredDeploymentsCondition() {}

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    int declared = FireworksBinding.declaredIds(context.getEnvironment()).size();
    return declared == 0
        ? ConditionOutcome.noMatch("no deployments declared under fireworks.deployments")
        : ConditionOutcome.match(declared + " deployment(s) declared under fireworks.deployments");
  }
}
