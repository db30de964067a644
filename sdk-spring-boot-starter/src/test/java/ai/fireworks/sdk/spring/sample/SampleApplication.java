package ai.fireworks.sdk.spring.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample application of the README: the starter, its configuration in {@code application.yml}
 * and {@link AskController}, a REST endpoint that queries the deployment declared as {@code chat}.
 */
@SpringBootApplication
public class SampleApplication {
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }
}
