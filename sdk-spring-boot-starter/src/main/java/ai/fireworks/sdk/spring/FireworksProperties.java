package ai.fireworks.sdk.spring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration under {@code fireworks.*}. Relaxed binding applies, so the SDK's own environment
 * variables ({@code FIREWORKS_API_KEY}, {@code FIREWORKS_ACCOUNT_ID}, {@code FIREWORKS_BASE_URL})
 * work unchanged. Without an API key no client is created. {@link #toString()} never shows the key.
 *
 * <p>Mutable while Spring binds it; not thread-safe until then, read-only afterwards by convention.
 */
@ConfigurationProperties("fireworks")
public class FireworksProperties {
  /** API key, sent as a bearer token; also read from FIREWORKS_API_KEY. Without it no client is created. */
  private String apiKey;

  /** Your account id; bare deployment and model ids are resolved against it. Required to declare deployments. */
  private String accountId;

  /** API root; the control plane is under /v1 and inference under /inference/v1. */
  private String baseUrl = "https://api.fireworks.ai";

  /** Time limit to open a connection. */
  private Duration connectTimeout = Duration.ofSeconds(10);

  /** Time limit of one attempt until the whole (non-streamed) response has arrived. */
  private Duration requestTimeout = Duration.ofSeconds(60);

  /** How failed attempts are retried. */
  @NestedConfigurationProperty
  private final FireworksRetryProperties retry = new FireworksRetryProperties();

  /** How inference rides out a deployment that is scaling up from zero. */
  @NestedConfigurationProperty
  private final FireworksColdStartProperties coldStart = new FireworksColdStartProperties();

  /** Deployments this application uses, by deployment id, with the configuration each should have. */
  private Map<String, DeclaredDeploymentProperties> deployments = new LinkedHashMap<>();

  /** What to do with the declared deployments while the application starts. */
  private DeploymentsOnStartup deploymentsOnStartup = DeploymentsOnStartup.VERIFY;

  /** Whether a failed startup check stops the application (fail) or is logged (warn). */
  private DeploymentsOnStartupFailure deploymentsOnStartupFailure = DeploymentsOnStartupFailure.FAIL;

  /** Longest wait for the declared deployments to become READY in apply-and-wait mode. */
  private Duration deploymentsWaitTimeout = Duration.ofMinutes(30);

  /** How long the actuator health contributor reuses a deployment's state before reading it again. */
  private Duration healthCacheTtl = Duration.ofSeconds(30);

  /** Returns: aPI key, sent as a bearer token; also read from FIREWORKS_API_KEY. Without it no client is created. */
  public String getApiKey() {
    return apiKey;
  }

  /** Sets: aPI key, sent as a bearer token; also read from FIREWORKS_API_KEY. Without it no client is created. */
  public void setApiKey(String apiKey) {
    this.apiKey = apiKey;
  }

  /**
   * Returns: your account id; bare deployment and model ids are resolved against it. Required to declare
   * deployments.
   */
  public String getAccountId() {
    return accountId;
  }

  /** Sets: your account id; bare deployment and model ids are resolved against it. Required to declare deployments. */
  public void setAccountId(String accountId) {
    this.accountId = accountId;
  }

  /** Returns: aPI root; the control plane is under /v1 and inference under /inference/v1. */
  public String getBaseUrl() {
    return baseUrl;
  }

  /** Sets: aPI root; the control plane is under /v1 and inference under /inference/v1. */
  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Returns: time limit to open a connection. */
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  /** Sets: time limit to open a connection. */
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /** Returns: time limit of one attempt until the whole (non-streamed) response has arrived. */
  public Duration getRequestTimeout() {
    return requestTimeout;
  }

  /** Sets: time limit of one attempt until the whole (non-streamed) response has arrived. */
  public void setRequestTimeout(Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
  }

  /** Returns: how failed attempts are retried. */
  public FireworksRetryProperties getRetry() {
    return retry;
  }

  /** Returns: how inference rides out a deployment that is scaling up from zero. */
  public FireworksColdStartProperties getColdStart() {
    return coldStart;
  }

  /** Returns: deployments this application uses, by deployment id, with the configuration each should have. */
  public Map<String, DeclaredDeploymentProperties> getDeployments() {
    return deployments;
  }

  /** Sets: deployments this application uses, by deployment id, with the configuration each should have. */
  public void setDeployments(Map<String, DeclaredDeploymentProperties> deployments) {
    this.deployments = deployments;
  }

  /** Returns: what to do with the declared deployments while the application starts. */
  public DeploymentsOnStartup getDeploymentsOnStartup() {
    return deploymentsOnStartup;
  }

  /** Sets: what to do with the declared deployments while the application starts. */
  public void setDeploymentsOnStartup(DeploymentsOnStartup deploymentsOnStartup) {
    this.deploymentsOnStartup = deploymentsOnStartup;
  }

  /** Returns: whether a failed startup check stops the application (fail) or is logged (warn). */
  public DeploymentsOnStartupFailure getDeploymentsOnStartupFailure() {
    return deploymentsOnStartupFailure;
  }

  /** Sets: whether a failed startup check stops the application (fail) or is logged (warn). */
  public void setDeploymentsOnStartupFailure(DeploymentsOnStartupFailure deploymentsOnStartupFailure) {
    this.deploymentsOnStartupFailure = deploymentsOnStartupFailure;
  }

  /** Returns: longest wait for the declared deployments to become READY in apply-and-wait mode. */
  public Duration getDeploymentsWaitTimeout() {
    return deploymentsWaitTimeout;
  }

  /** Sets: longest wait for the declared deployments to become READY in apply-and-wait mode. */
  public void setDeploymentsWaitTimeout(Duration deploymentsWaitTimeout) {
    this.deploymentsWaitTimeout = deploymentsWaitTimeout;
  }

  /** Returns: how long the actuator health contributor reuses a deployment's state before reading it again. */
  public Duration getHealthCacheTtl() {
    return healthCacheTtl;
  }

  /** Sets: how long the actuator health contributor reuses a deployment's state before reading it again. */
  public void setHealthCacheTtl(Duration healthCacheTtl) {
    this.healthCacheTtl = healthCacheTtl;
  }

  @Override
  public String toString() {
    return "FireworksProperties{apiKey=" + (apiKey == null ? "null" : "****") + ", accountId=" + accountId
        + ", baseUrl=" + baseUrl + ", deployments=" + deployments.keySet() + ", deploymentsOnStartup="
        + deploymentsOnStartup + "}";
  }
}
