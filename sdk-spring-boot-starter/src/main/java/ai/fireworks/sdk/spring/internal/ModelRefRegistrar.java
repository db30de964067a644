package ai.fireworks.sdk.spring.internal;

import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.spring.DeclaredDeployments;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Registers one {@link ModelRef} bean per id declared under {@code fireworks.deployments}, named
 * {@code fireworks.deployments.<id>.model-ref} and qualified by the id, so that
 * {@code @Qualifier("my-llama") ModelRef model} injects {@code <base model>#accounts/<a>/deployments/my-llama}.
 * The value comes from the {@link DeclaredDeployments} bean, so it is validated once.
 */
public final class ModelRefRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {
  private Environment environment;

  /** Creates the registrar; Spring calls it. */
  public ModelRefRegistrar() {}

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
    BeanFactory beans = (BeanFactory) registry;
    for (String id : FireworksBinding.declaredIds(environment)) {
      RootBeanDefinition definition = new RootBeanDefinition(ModelRef.class,
          () -> beans.getBean(DeclaredDeployments.class).modelRef(id));
      definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, id));
      registry.registerBeanDefinition("fireworks.deployments." + id + ".model-ref", definition);
    }
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
    // Nothing: the definitions are registered above.
  }
}
