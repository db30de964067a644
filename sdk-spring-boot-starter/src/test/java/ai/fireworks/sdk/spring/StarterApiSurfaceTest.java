package ai.fireworks.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No public signature of the starter's API names a type from its internal package. */
class StarterApiSurfaceTest {
  private static final List<Class<?>> API = List.of(FireworksAutoConfiguration.class,
      FireworksHealthAutoConfiguration.class, FireworksMetricsAutoConfiguration.class, FireworksProperties.class,
      FireworksRetryProperties.class, FireworksColdStartProperties.class, DeclaredDeploymentProperties.class,
      DeclaredDeployments.class, DeploymentsOnStartup.class, DeploymentsOnStartupFailure.class,
      DeploymentStartupException.class, FireworksClientCustomizer.class, InferenceClientCustomizer.class);

  @Test
  void publicSignaturesNameNoInternalType() {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : API) {
      Stream.concat(Stream.of(type.getDeclaredMethods()), Stream.of(type.getDeclaredConstructors()))
          .filter(m -> Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers()))
          .forEach(m -> signature(m).stream().filter(t -> t.getPackageName().endsWith(".internal"))
              .forEach(t -> leaks.add(type.getSimpleName() + "." + m.getName() + " uses " + t.getName())));
    }
    assertThat(leaks).isEmpty();
  }

  private static List<Class<?>> signature(Executable e) {
    List<Class<?>> types = new ArrayList<>(List.of(e.getParameterTypes()));
    if (e instanceof Method) {
      types.add(((Method) e).getReturnType());
    }
    return types;
  }
}
