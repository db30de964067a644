package ai.fireworks.sdk.examples.fwctl;

import ai.fireworks.sdk.core.AccountId;
import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.Page;
import ai.fireworks.sdk.deployments.CreateDeploymentRequest;
import ai.fireworks.sdk.deployments.DeleteOptions;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.deployments.ListDeploymentsRequest;
import ai.fireworks.sdk.deployments.ModelsClient;
import ai.fireworks.sdk.deployments.UpdateDeploymentRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code create|get|list|update|delete|undelete deployment} and {@code scale}. */
final class DeploymentCommands {
  private DeploymentCommands() {}

  /** {@code <ID|NAME>}: a bare id in the caller's account, {@code accounts/<a>/deployments/<id>} or {@code <a>/<id>}. */
  static DeploymentName deploymentName(Fwctl root, String idOrName) {
    if (idOrName.contains("/")) {
      return DeploymentName.parse(idOrName);
    }
    return DeploymentName.parse(idOrName, root.requireAccount());
  }

  static void printDeployment(Fwctl root, Deployment d) {
    root.out().resource(d.name().toString(), d, () -> Formats.deployment(d));
  }

  /** {@code fwctl create ...}. */
  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a resource.",
      subcommands = CreateDeployment.class)
  static final class Create {}

  @Command(name = "deployment", aliases = "deployments", mixinStandardHelpOptions = true,
      description = "Create a deployment of a model.")
  static final class CreateDeployment extends FwctlCommand {
    @Parameters(index = "0", paramLabel = "MODEL",
        description = "Base model: accounts/<a>/models/<id>, or a bare id: Fireworks' model of that id "
            + "(llama-v3p2-3b-instruct) if there is one, else your account's.")
    String model;

    @Option(names = "--deployment-id", paramLabel = "ID",
        description = "Id of the new deployment (1-63 of a-z, 0-9, '-'; starts with a letter). Random if absent.")
    String deploymentId;

    @Mixin
    DeploymentConfigOptions config;

    @Option(names = "--validate-only", description = "Check the request and print the would-be deployment; create nothing.")
    boolean validateOnly;

    @Option(names = "--wait", description = "Wait until the deployment is READY, showing progress on stderr.")
    boolean await;

    @Option(names = "--wait-timeout", paramLabel = "DURATION", defaultValue = "1h",
        description = "Longest wait with --wait (default ${DEFAULT-VALUE}).")
    Duration waitTimeout;

    @Override
    int execute() {
      Fwctl root = root();
      ModelName base = ModelName.parse(model);
      config.validate();
      root.requireAccount();
      DeploymentsClient deployments = DeploymentsClient.of(root.client());
      CreateDeploymentRequest request = request(deployments, base);
      request.spec(); // every setting is checked before anything is sent, the model lookup included
      Wait wait = Wait.of(root, await, waitTimeout);
      ModelName resolved = model.contains("/") ? base : bareModel(root, base);
      if (!resolved.equals(base)) {
        request = request(deployments, resolved);
      }
      Deployment d = validateOnly ? request.submit() : wait.submit(request::submit, request::submitAndWait);
      printDeployment(root, d);
      return Errors.OK;
    }

    private CreateDeploymentRequest request(DeploymentsClient deployments, ModelName base) {
      CreateDeploymentRequest request = deployments.create(base);
      ifGiven(deploymentId, request::deploymentId);
      config.applyTo(request);
      if (validateOnly) {
        request.validateOnly();
      }
      return request;
    }

    /**
     * A bare model id, resolved as firectl does: Fireworks' model ({@code fireworksModel}) if
     * account fireworks has it, else the model of that id in the caller's account. When the lookup
     * fails some other way, Fireworks' model stands and the create reports what is wrong.
     */
    private static ModelName bareModel(Fwctl root, ModelName fireworksModel) {
      try {
        ModelsClient.of(root.client()).get(fireworksModel);
        return fireworksModel;
      } catch (NotFoundException e) {
        return ModelName.of(root.requireAccount(), fireworksModel.id());
      } catch (FireworksException e) {
        return fireworksModel;
      }
    }
  }

  /** {@code fwctl get ...}. */
  @Command(name = "get", mixinStandardHelpOptions = true, description = "Show a resource.",
      subcommands = GetDeployment.class)
  static final class Get {}

  @Command(name = "deployment", aliases = "deployments", mixinStandardHelpOptions = true,
      description = "Show a deployment.")
  static final class GetDeployment extends FwctlCommand {
    @Parameters(index = "0", paramLabel = "ID|NAME", description = "Deployment id, or accounts/<a>/deployments/<id>.")
    String deployment;

    @Override
    int execute() {
      Fwctl root = root();
      DeploymentName name = deploymentName(root, deployment);
      Deployment d = DeploymentsClient.of(root.client()).get(name);
      printDeployment(root, d);
      return Errors.OK;
    }
  }

  /** {@code fwctl list ...}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List resources.",
      subcommands = ListDeployments.class)
  static final class ListGroup {}

  @Command(name = "deployments", aliases = "deployment", mixinStandardHelpOptions = true,
      description = "List the account's deployments (every page).")
  static final class ListDeployments extends FwctlCommand {
    @Option(names = "--show-deleted", description = "Include soft-deleted deployments.")
    boolean showDeleted;

    @Option(names = "--filter", paramLabel = "FILTER",
        description = "AIP-160 filter with snake_case fields, e.g. 'state=\"READY\"'.")
    String filter;

    @Option(names = "--order-by", paramLabel = "FIELDS", description = "Sort order, e.g. 'create_time desc'.")
    String orderBy;

    @Option(names = "--page-size", paramLabel = "N",
        description = "Deployments per request, at least 1 (server default 50; above 200 is sent as 200).")
    Integer pageSize;

    @Override
    int execute() {
      Fwctl root = root();
      if (pageSize != null && pageSize < 1) {
        throw new UsageException("--page-size must be at least 1, was " + pageSize);
      }
      AccountId account = root.requireAccount();
      ListDeploymentsRequest.Builder b = ListDeploymentsRequest.builder().showDeleted(showDeleted);
      ifGiven(filter, b::filter);
      ifGiven(orderBy, b::orderBy);
      ifGiven(pageSize, b::pageSize);
      Page<Deployment> first = DeploymentsClient.of(root.client()).list(b.build());
      List<Deployment> all = new ArrayList<>();
      first.autoPager().forEach(all::add);
      Output out = root.out();
      if (out.json()) {
        out.printJson(out.allPages("/v1/accounts/" + account + "/deployments", "deployments")
            .orElseGet(() -> {
              com.fasterxml.jackson.databind.node.ObjectNode n = Output.MAPPER.createObjectNode();
              all.forEach(d -> n.withArray("deployments").add(Output.tree(d)));
              return n;
            }));
        return Errors.OK;
      }
      if (all.isEmpty()) {
        out.stream().println("No deployments.");
        return Errors.OK;
      }
      Instant now = Instant.now();
      TextTable table = new TextTable("ID", "BASE MODEL", "STATE", "REPLICAS", "MIN/MAX", "ACCELERATOR", "AGE");
      for (Deployment d : all) {
        table.row(d.name().account().equals(account) ? d.name().id() : d.name().toString(),
            Formats.shortModel(d.baseModel()), d.state(), d.replicaCount(),
            d.minReplicaCount() + "/" + d.maxReplicaCount(), Formats.accelerator(d), Formats.age(d.createTime(), now));
      }
      table.print(out.stream());
      return Errors.OK;
    }
  }

  /** {@code fwctl update ...}. */
  @Command(name = "update", mixinStandardHelpOptions = true, description = "Change a resource.",
      subcommands = UpdateDeployment.class)
  static final class Update {}

  @Command(name = "deployment", aliases = "deployments", mixinStandardHelpOptions = true,
      description = "Change a deployment's configuration; only the flags given are sent (with an update mask).")
  static final class UpdateDeployment extends FwctlCommand {
    @Parameters(index = "0", paramLabel = "ID|NAME", description = "Deployment id, or accounts/<a>/deployments/<id>.")
    String deployment;

    @Mixin
    DeploymentConfigOptions config;

    @Option(names = "--wait", description = "Wait until the deployment is READY again, showing progress on stderr.")
    boolean await;

    @Option(names = "--wait-timeout", paramLabel = "DURATION", defaultValue = "1h",
        description = "Longest wait with --wait (default ${DEFAULT-VALUE}).")
    Duration waitTimeout;

    @Override
    int execute() {
      Fwctl root = root();
      DeploymentName name = deploymentName(root, deployment);
      config.validate();
      Wait wait = Wait.of(root, await, waitTimeout);
      if (!config.any()) {
        throw new UsageException("nothing to update: give at least one configuration flag (see --help)");
      }
      UpdateDeploymentRequest r = DeploymentsClient.of(root.client()).update(name);
      config.applyTo(r);
      Deployment d = wait.submit(r::submit, r::submitAndWait);
      printDeployment(root, d);
      return Errors.OK;
    }
  }

  /** {@code fwctl delete ...}. */
  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a resource.",
      subcommands = DeleteDeployment.class)
  static final class Delete {}

  @Command(name = "deployment", aliases = "deployments", mixinStandardHelpOptions = true,
      description = "Delete a deployment (soft delete unless --hard; restore with 'undelete deployment').")
  static final class DeleteDeployment extends FwctlCommand {
    @Parameters(index = "0", paramLabel = "ID|NAME", description = "Deployment id, or accounts/<a>/deployments/<id>.")
    String deployment;

    @Option(names = "--hard", description = "Delete for good, freeing the id.")
    boolean hard;

    @Option(names = "--ignore-checks", description = "Delete even if the deployment is in use.")
    boolean ignoreChecks;

    @Option(names = "--wait", description = "Wait until the deployment is deleted.")
    boolean await;

    @Option(names = "--wait-timeout", paramLabel = "DURATION", defaultValue = "1h",
        description = "Longest wait with --wait (default ${DEFAULT-VALUE}).")
    Duration waitTimeout;

    @Override
    int execute() {
      Fwctl root = root();
      DeploymentName name = deploymentName(root, deployment);
      Wait wait = Wait.of(root, await, waitTimeout);
      DeploymentsClient deployments = DeploymentsClient.of(root.client());
      deployments.delete(name, DeleteOptions.builder().hard(hard).ignoreChecks(ignoreChecks).build());
      if (wait.requested()) {
        wait.run(options -> deployments.awaitDeleted(name, options));
      }
      // -o json: the deployment as the wait last read it (DELETED, or the last read before a hard delete
      // made it gone), else what DELETE returned
      root.out().lastRead(name.toString(), "DELETE", "/v1/" + name, "Deleted " + name
          + (hard ? "" : " (soft delete: 'fwctl undelete deployment " + name.id() + "' restores it)"));
      return Errors.OK;
    }
  }

  /** {@code fwctl undelete ...}. */
  @Command(name = "undelete", mixinStandardHelpOptions = true, description = "Restore a soft-deleted resource.",
      subcommands = UndeleteDeployment.class)
  static final class Undelete {}

  @Command(name = "deployment", aliases = "deployments", mixinStandardHelpOptions = true,
      description = "Restore a soft-deleted deployment.")
  static final class UndeleteDeployment extends FwctlCommand {
    @Parameters(index = "0", paramLabel = "ID|NAME", description = "Deployment id, or accounts/<a>/deployments/<id>.")
    String deployment;

    @Option(names = "--wait", description = "Wait until the deployment is READY again.")
    boolean await;

    @Option(names = "--wait-timeout", paramLabel = "DURATION", defaultValue = "1h",
        description = "Longest wait with --wait (default ${DEFAULT-VALUE}).")
    Duration waitTimeout;

    @Override
    int execute() {
      Fwctl root = root();
      DeploymentName name = deploymentName(root, deployment);
      Wait wait = Wait.of(root, await, waitTimeout);
      DeploymentsClient deployments = DeploymentsClient.of(root.client());
      Deployment d = deployments.undelete(name);
      if (wait.requested()) {
        d = wait.run(options -> deployments.awaitReady(name, options));
      }
      printDeployment(root, d);
      return Errors.OK;
    }
  }

  /** {@code fwctl scale <ID> --replica-count N}. */
  @Command(name = "scale", mixinStandardHelpOptions = true,
      description = "Set a deployment's replica count now (the autoscaler may change it later within min/max).")
  static final class Scale extends FwctlCommand {
    @Parameters(index = "0", paramLabel = "ID|NAME", description = "Deployment id, or accounts/<a>/deployments/<id>.")
    String deployment;

    @Option(names = "--replica-count", required = true, paramLabel = "N", description = "Replicas wanted; 0 or more.")
    int replicaCount;

    @Override
    int execute() {
      Fwctl root = root();
      DeploymentName name = deploymentName(root, deployment);
      DeploymentConfigOptions.nonNegative("--replica-count", replicaCount);
      DeploymentsClient.of(root.client()).scale(name, replicaCount);
      root.out().reply("PATCH", "/v1/" + name + ":scale", Output.MAPPER::createObjectNode,
          "Scaling " + name + " to " + replicaCount + " replica" + (replicaCount == 1 ? "" : "s"));
      return Errors.OK;
    }
  }
}
