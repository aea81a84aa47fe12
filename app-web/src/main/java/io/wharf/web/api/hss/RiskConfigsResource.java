package io.wharf.web.api.hss;

import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.scan.BaselineRule;
import io.wharf.domain.scan.RiskCheck;
import io.wharf.web.api.CurrentCaller;
import io.wharf.web.application.ImageAssetService;
import io.wharf.web.application.ScanResultService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.wharf.web.api.hss.HssParameters.blank;
import static io.wharf.web.api.hss.HssParameters.number;

/**
 * An image's unsafe settings (HSS's baseline "risk configs"): {@code risk-configs} (ListImageRiskConfigs) — one line per
 * check with its rule and failure counts; {@code risk-configs/{check_name}/rules} (ListImageRiskConfigRules) — the rules
 * with {@code scan_result} {@code pass} or {@code failed}; {@code check-rule/detail} (ShowImageCheckRuleDetail). The image
 * is named by {@code namespace}, {@code image_name} and {@code image_version}.
 */
@Path("{project_id}/image/baseline")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RiskConfigsResource {
    @Inject
    ScanResultService results;
    @Inject
    ImageAssetService assets;
    @Inject
    CurrentCaller caller;

    /** ImageRiskConfigsInfoResponseInfo. */
    public record CheckInfo(String severity, String checkName, String checkType, String standard, int checkRuleNum,
                            int failedRuleNum, String checkTypeDesc) {
    }

    /** ImageRiskConfigsCheckRulesResponseInfo. */
    public record RuleInfo(String severity, String checkName, String checkType, String standard, String checkRuleName,
                           String checkRuleId, String scanResult) {
    }

    /** ImageCheckRuleCheckCaseResponseInfo. */
    public record CheckCase(String checkDescription, String currentValue, String suggestValue) {
    }

    /** ShowImageCheckRuleDetailResponse. */
    public record RuleDetail(String description, String reference, String audit, String remediation,
                             List<CheckCase> checkInfoList) {
    }

    public record Listed<T>(long totalNum, List<T> dataList) {
    }

    private List<RiskCheck> checks(String projectId, String imageType, String namespace, String imageName,
                                   String imageVersion) {
        assets.requireOwnProject(caller.get(), projectId);
        if (imageType == null || !(imageType.equals("private_image") || imageType.equals("shared_image"))) {
            throw WharfException.invalid("image_type", "image_type is mandatory: private_image or shared_image.");
        }
        if (blank(namespace) || blank(imageName) || blank(imageVersion)) {
            throw WharfException.invalid("namespace", "namespace, image_name and image_version name the image.");
        }
        return results.riskChecks(results.image(caller.get(), namespace, imageName, imageVersion));
    }

    @GET
    @Path("risk-configs")
    public Listed<CheckInfo> checks(@PathParam("project_id") String projectId, @QueryParam("image_type") String imageType,
                                    @QueryParam("namespace") String namespace, @QueryParam("image_name") String imageName,
                                    @QueryParam("image_version") String imageVersion,
                                    @QueryParam("check_name") String checkName, @QueryParam("severity") String severity,
                                    @QueryParam("standard") String standard, @QueryParam("offset") String offset,
                                    @QueryParam("limit") String limit) {
        List<RiskCheck> all = checks(projectId, imageType, namespace, imageName, imageVersion);
        int first = number("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = number("limit", limit, 10, 1, ImageAssetsResource.MAX_LIMIT);
        Map<String, CheckInfo> byCheck = new LinkedHashMap<>();
        for (RiskCheck r : all) {
            CheckInfo seen = byCheck.get(r.checkName());
            int rules = seen == null ? 1 : seen.checkRuleNum() + 1;
            int failed = (seen == null ? 0 : seen.failedRuleNum()) + (r.passed() ? 0 : 1);
            String worst = seen == null ? r.severity() : worse(seen.severity(), r.severity());
            byCheck.put(r.checkName(), new CheckInfo(worst, r.checkName(), r.checkType(), r.standard(), rules, failed,
                    r.checkName()));
        }
        List<CheckInfo> found = byCheck.values().stream()
                .filter(c -> blank(checkName) || c.checkName().equals(checkName))
                .filter(c -> blank(severity) || c.severity().equals(severity))
                .filter(c -> blank(standard) || c.standard().equals(standard)).toList();
        return new Listed<>(found.size(), found.stream().skip(first).limit(size).toList());
    }

    @GET
    @Path("risk-configs/{check_name}/rules")
    public Listed<RuleInfo> rules(@PathParam("project_id") String projectId, @PathParam("check_name") String checkName,
                                  @QueryParam("image_type") String imageType, @QueryParam("namespace") String namespace,
                                  @QueryParam("image_name") String imageName,
                                  @QueryParam("image_version") String imageVersion,
                                  @QueryParam("standard") String standard, @QueryParam("result_type") String resultType,
                                  @QueryParam("check_rule_name") String ruleName, @QueryParam("severity") String severity,
                                  @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        required("standard", standard);
        List<RiskCheck> all = checks(projectId, imageType, namespace, imageName, imageVersion);
        int first = number("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = number("limit", limit, 10, 1, ImageAssetsResource.MAX_LIMIT);
        List<RuleInfo> found = all.stream().filter(r -> r.checkName().equals(checkName))
                .filter(r -> blank(standard) || r.standard().equals(standard))
                .filter(r -> blank(resultType) || resultType.equals(r.passed() ? "pass" : "failed"))
                .filter(r -> blank(ruleName) || r.ruleName().contains(ruleName))
                .filter(r -> blank(severity) || r.severity().equals(severity))
                .map(r -> new RuleInfo(r.severity(), r.checkName(), r.checkType(), r.standard(), r.ruleName(), r.ruleId(),
                        r.passed() ? "pass" : "failed")).toList();
        return new Listed<>(found.size(), found.stream().skip(first).limit(size).toList());
    }

    @GET
    @Path("check-rule/detail")
    public RuleDetail detail(@PathParam("project_id") String projectId, @QueryParam("image_type") String imageType,
                             @QueryParam("namespace") String namespace, @QueryParam("image_name") String imageName,
                             @QueryParam("image_version") String imageVersion, @QueryParam("check_name") String checkName,
                             @QueryParam("check_type") String checkType, @QueryParam("check_rule_id") String ruleId,
                             @QueryParam("standard") String standard) {
        required("check_name", checkName);
        required("check_type", checkType);
        required("check_rule_id", ruleId);
        required("standard", standard);
        List<RiskCheck> all = checks(projectId, imageType, namespace, imageName, imageVersion);
        BaselineRule rule = BaselineRule.byId(ruleId == null ? "" : ruleId).orElseThrow(() -> WharfException.notFound(
                Subject.PAGE, "No baseline rule has the id " + ruleId + "."));
        String current = all.stream().filter(r -> r.ruleId().equals(rule.id())).findFirst()
                .map(r -> r.passed() ? "passed" : r.evidence()).orElse("not scanned");
        return new RuleDetail(rule.description(), BaselineRule.STANDARD, rule.audit(), rule.remediation(),
                List.of(new CheckCase(rule.name(), current, rule.remediation())));
    }

    private static String worse(String a, String b) {
        List<String> order = List.of("Low", "Medium", "High", "Critical");
        return order.indexOf(a) >= order.indexOf(b) ? a : b;
    }

    /** The SDK's mandatory query parameters. */
    private static void required(String name, String value) {
        if (blank(value)) {
            throw WharfException.invalid(name, name + " is mandatory.");
        }
    }
}
