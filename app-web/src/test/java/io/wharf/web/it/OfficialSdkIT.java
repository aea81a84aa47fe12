package io.wharf.web.it;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.swr.v2.SwrClient;
import com.huaweicloud.sdk.swr.v2.model.CreateNamespaceAuthRequest;
import com.huaweicloud.sdk.swr.v2.model.CreateUserRepositoryAuthRequest;
import com.huaweicloud.sdk.swr.v2.model.DeleteNamespaceAuthRequest;
import com.huaweicloud.sdk.swr.v2.model.DeleteRepoTagRequest;
import com.huaweicloud.sdk.swr.v2.model.DeleteUserRepositoryAuthRequest;
import com.huaweicloud.sdk.swr.v2.model.ListRepositoryTagsRequest;
import com.huaweicloud.sdk.swr.v2.model.ListRepositoryTagsResponse;
import com.huaweicloud.sdk.swr.v2.model.ShowNamespaceAuthRequest;
import com.huaweicloud.sdk.swr.v2.model.ShowNamespaceAuthResponse;
import com.huaweicloud.sdk.swr.v2.model.ShowUserRepositoryAuthRequest;
import com.huaweicloud.sdk.swr.v2.model.ShowUserRepositoryAuthResponse;
import com.huaweicloud.sdk.swr.v2.model.UpdateNamespaceAuthRequest;
import com.huaweicloud.sdk.swr.v2.model.UpdateUserRepositoryAuthRequest;
import com.huaweicloud.sdk.swr.v2.model.UserAuth;
import com.huaweicloud.sdk.swr.v2.model.CreateNamespaceRequest;
import com.huaweicloud.sdk.swr.v2.model.CreateNamespaceRequestBody;
import com.huaweicloud.sdk.swr.v2.model.CreateRepoDomainsRequest;
import com.huaweicloud.sdk.swr.v2.model.CreateRepoDomainsRequestBody;
import com.huaweicloud.sdk.swr.v2.model.CreateRepoRequest;
import com.huaweicloud.sdk.swr.v2.model.CreateRepoRequestBody;
import com.huaweicloud.sdk.swr.v2.model.DeleteNamespacesRequest;
import com.huaweicloud.sdk.swr.v2.model.DeleteRepoDomainsRequest;
import com.huaweicloud.sdk.swr.v2.model.DeleteRepoRequest;
import com.huaweicloud.sdk.swr.v2.model.ListNamespacesRequest;
import com.huaweicloud.sdk.swr.v2.model.ListRepoDomainsRequest;
import com.huaweicloud.sdk.swr.v2.model.ListReposDetailsRequest;
import com.huaweicloud.sdk.swr.v2.model.ListReposDetailsResponse;
import com.huaweicloud.sdk.swr.v2.model.ListSharedReposDetailsRequest;
import com.huaweicloud.sdk.swr.v2.model.ShowAccessDomainRequest;
import com.huaweicloud.sdk.swr.v2.model.ShowNamespaceRequest;
import com.huaweicloud.sdk.swr.v2.model.ShowNamespaceResponse;
import com.huaweicloud.sdk.swr.v2.model.ShowRepositoryRequest;
import com.huaweicloud.sdk.swr.v2.model.ShowRepositoryResponse;
import com.huaweicloud.sdk.swr.v2.model.UpdateRepoDomainsRequest;
import com.huaweicloud.sdk.swr.v2.model.UpdateRepoDomainsRequestBody;
import com.huaweicloud.sdk.swr.v2.model.UpdateRepoRequest;
import com.huaweicloud.sdk.swr.v2.model.UpdateRepoRequestBody;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.call;
import static io.wharf.web.it.WharfServer.json;
import static io.wharf.web.it.WharfServer.newAccount;
import static io.wharf.web.it.WharfServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The official Huawei Cloud SDK, pointed at Wharf, signing with an access key Wharf issued. */
class OfficialSdkIT {

    record Keys(String ak, String sk, String project) {
    }

    static Keys accessKeyOf(WharfServer.TestAccount account) {
        HttpResponse<String> created = call("POST", "/v3.0/OS-CREDENTIAL/credentials", account.token(),
                "{\"credential\": {\"description\": \"sdk test\"}}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject credential = json(created).getJsonObject("credential");
        String project = json(WharfServer.issueToken(account.name(), account.adminName(), account.adminPassword()))
                .getJsonObject("token").getJsonObject("project").getString("id");
        return new Keys(credential.getString("access"), credential.getString("secret"), project);
    }

    static SwrClient client(Keys keys) {
        return SwrClient.newBuilder()
                .withHttpConfig(HttpConfig.getDefaultHttpConfig().withIgnoreSSLVerification(true))
                .withCredential(new BasicCredentials().withAk(keys.ak()).withSk(keys.sk()).withProjectId(keys.project()))
                .withEndpoints(List.of(WharfServer.URL))
                .build();
    }

    @Test
    void everySwrClientMethodOfTheseEndpointsWorksAgainstWharf() {
        WharfServer.TestAccount owner = newAccount(adminToken(), "sdk");
        WharfServer.TestAccount friend = newAccount(adminToken(), "sdkfriend");
        SwrClient swr = client(accessKeyOf(owner));
        String ns = unique("sdk-");

        swr.createNamespace(new CreateNamespaceRequest().withBody(new CreateNamespaceRequestBody().withNamespace(ns)));
        assertEquals(List.of(ns), swr.listNamespaces(new ListNamespacesRequest().withNamespace(ns)).getNamespaces()
                .stream().map(n -> n.getName()).toList());
        ShowNamespaceResponse shown = swr.showNamespace(new ShowNamespaceRequest().withNamespace(ns));
        assertEquals(7, shown.getAuth().getValue().intValue());
        assertEquals("boss", shown.getCreatorName());

        swr.createRepo(new CreateRepoRequest().withNamespace(ns).withBody(new CreateRepoRequestBody()
                .withRepository("tools$app").withIsPublic(false).withCategory(CreateRepoRequestBody.CategoryEnum.LINUX)
                .withDescription("from the sdk")));
        ShowRepositoryResponse repo = swr.showRepository(new ShowRepositoryRequest().withNamespace(ns).withRepository("tools$app"));
        assertEquals("tools/app", repo.getName());
        assertEquals("linux", repo.getCategory());
        assertFalse(repo.getIsPublic());
        assertTrue(repo.getId() > 0);

        swr.updateRepo(new UpdateRepoRequest().withNamespace(ns).withRepository("tools$app")
                .withBody(new UpdateRepoRequestBody().withIsPublic(false).withDescription("changed")));
        assertEquals("changed", swr.showRepository(new ShowRepositoryRequest().withNamespace(ns)
                .withRepository("tools$app")).getDescription());

        ListReposDetailsResponse listed = swr.listReposDetails(new ListReposDetailsRequest().withNamespace(ns));
        assertEquals(1, listed.getBody().size());
        assertEquals("0-0/1", listed.getContentRange());

        swr.createRepoDomains(new CreateRepoDomainsRequest().withNamespace(ns).withRepository("tools$app")
                .withBody(new CreateRepoDomainsRequestBody().withAccessDomain(friend.name()).withPermit("read")
                        .withDeadline("forever").withDescription("sdk share")));
        assertEquals(friend.name(), swr.listRepoDomains(new ListRepoDomainsRequest().withNamespace(ns)
                .withRepository("tools$app")).getBody().get(0).getAccessDomain());
        assertTrue(swr.showAccessDomain(new ShowAccessDomainRequest().withNamespace(ns).withRepository("tools$app")
                .withAccessDomain(friend.name())).getExist());
        swr.updateRepoDomains(new UpdateRepoDomainsRequest().withNamespace(ns).withRepository("tools$app")
                .withAccessDomain(friend.name()).withBody(new UpdateRepoDomainsRequestBody().withPermit("read")
                        .withDeadline("2099-01-01T00:00:00Z")));
        assertEquals(1, swr.listSharedReposDetails(new ListSharedReposDetailsRequest().withCenter("self"))
                .getBody().size());
        SwrClient friendSwr = client(accessKeyOf(friend));
        assertEquals(ns, friendSwr.listSharedReposDetails(new ListSharedReposDetailsRequest().withCenter("thirdparty"))
                .getBody().get(0).getNamespace());

        swr.deleteRepoDomains(new DeleteRepoDomainsRequest().withNamespace(ns).withRepository("tools$app")
                .withAccessDomain(friend.name()));
        swr.deleteRepo(new DeleteRepoRequest().withNamespace(ns).withRepository("tools$app"));
        swr.deleteNamespaces(new DeleteNamespacesRequest().withNamespace(ns));
        assertTrue(swr.listNamespaces(new ListNamespacesRequest().withNamespace(ns)).getNamespaces().isEmpty());
    }

    @Test
    void theSdkReportsWharfsErrorCodesFor404And403And409() {
        WharfServer.TestAccount owner = newAccount(adminToken(), "sdkerr");
        WharfServer.TestAccount other = newAccount(adminToken(), "sdkother");
        SwrClient swr = client(accessKeyOf(owner));
        SwrClient otherSwr = client(accessKeyOf(other));
        String ns = unique("sdk-err-");
        swr.createNamespace(new CreateNamespaceRequest().withBody(new CreateNamespaceRequestBody().withNamespace(ns)));
        swr.createRepo(new CreateRepoRequest().withNamespace(ns).withBody(new CreateRepoRequestBody()
                .withRepository("open").withIsPublic(true)));

        ServiceResponseException missing = assertThrows(ServiceResponseException.class,
                () -> swr.showNamespace(new ShowNamespaceRequest().withNamespace(unique("none-"))));
        assertEquals(404, missing.getHttpStatusCode());
        assertEquals("SVCSTG.SWR.4040058", missing.getErrorCode());
        assertTrue(missing.getRequestId() != null && !missing.getRequestId().isEmpty());

        ServiceResponseException forbidden = assertThrows(ServiceResponseException.class,
                () -> otherSwr.deleteRepo(new DeleteRepoRequest().withNamespace(ns).withRepository("open")));
        assertEquals(403, forbidden.getHttpStatusCode());
        assertEquals("SVCSTG.SWR.4039002", forbidden.getErrorCode());

        ServiceResponseException conflict = assertThrows(ServiceResponseException.class,
                () -> otherSwr.createNamespace(new CreateNamespaceRequest().withBody(new CreateNamespaceRequestBody().withNamespace(ns))));
        assertEquals(409, conflict.getHttpStatusCode());
        assertEquals("SVCSTG.SWR.4090060", conflict.getErrorCode());
    }

    @Test
    void aWrongSecretOrADeletedKeyIs401() {
        WharfServer.TestAccount owner = newAccount(adminToken(), "sdkbad");
        Keys keys = accessKeyOf(owner);
        SwrClient forged = client(new Keys(keys.ak(), keys.sk().substring(1) + "x", keys.project()));
        ServiceResponseException refused = assertThrows(ServiceResponseException.class,
                () -> forged.listNamespaces(new ListNamespacesRequest()));
        assertEquals(401, refused.getHttpStatusCode());
        SwrClient wrongProject = client(new Keys(keys.ak(), keys.sk(), "0123456789abcdef0123456789abcdef"));
        assertEquals(401, assertThrows(ServiceResponseException.class,
                () -> wrongProject.listNamespaces(new ListNamespacesRequest())).getHttpStatusCode());

        SwrClient good = client(keys);
        good.listNamespaces(new ListNamespacesRequest());
        assertEquals(204, call("DELETE", "/v3.0/OS-CREDENTIAL/credentials/" + keys.ak(), owner.token(), null).statusCode());
        assertEquals(401, assertThrows(ServiceResponseException.class,
                () -> good.listNamespaces(new ListNamespacesRequest())).getHttpStatusCode());
    }

    @Test
    void tagAndPermissionMethodsWorkToo() {
        WharfServer.TestAccount owner = newAccount(adminToken(), "sdkperm");
        HttpResponse<String> created = call("POST", "/v3/users", owner.token(),
                "{\"user\": {\"name\": \"dev\", \"password\": \"dev-password-1\"}}");
        String devId = json(created).getJsonObject("user").getString("id");
        SwrClient swr = client(accessKeyOf(owner));
        String ns = unique("sdk-perm-");
        swr.createNamespace(new CreateNamespaceRequest().withBody(new CreateNamespaceRequestBody().withNamespace(ns)));
        swr.createRepo(new CreateRepoRequest().withNamespace(ns).withBody(new CreateRepoRequestBody()
                .withRepository("app").withIsPublic(false)));

        ListRepositoryTagsResponse tags = swr.listRepositoryTags(new ListRepositoryTagsRequest().withNamespace(ns)
                .withRepository("app"));
        assertTrue(tags.getBody().isEmpty());
        assertEquals("0-0/0", tags.getContentRange());
        ServiceResponseException noTag = assertThrows(ServiceResponseException.class, () -> swr.deleteRepoTag(
                new DeleteRepoTagRequest().withNamespace(ns).withRepository("app").withTag("latest")));
        assertEquals("SVCSTG.SWR.4040115", noTag.getErrorCode());

        UserAuth read = new UserAuth().withUserId(devId).withUserName("dev").withAuth(UserAuth.AuthEnum.NUMBER_1);
        swr.createNamespaceAuth(new CreateNamespaceAuthRequest().withNamespace(ns).withBody(List.of(read)));
        ShowNamespaceAuthResponse nsAuth = swr.showNamespaceAuth(new ShowNamespaceAuthRequest().withNamespace(ns));
        assertEquals(7, nsAuth.getSelfAuth().getAuth().getValue().intValue());
        assertEquals("dev", nsAuth.getOthersAuths().get(0).getUserName());
        swr.updateNamespaceAuth(new UpdateNamespaceAuthRequest().withNamespace(ns).withBody(List.of(
                new UserAuth().withUserId(devId).withUserName("dev").withAuth(UserAuth.AuthEnum.NUMBER_3))));
        assertEquals(3, swr.showNamespaceAuth(new ShowNamespaceAuthRequest().withNamespace(ns)).getOthersAuths().get(0)
                .getAuth().getValue().intValue());
        swr.deleteNamespaceAuth(new DeleteNamespaceAuthRequest().withNamespace(ns).withBody(List.of(devId)));
        assertTrue(swr.showNamespaceAuth(new ShowNamespaceAuthRequest().withNamespace(ns)).getOthersAuths().isEmpty());

        swr.createUserRepositoryAuth(new CreateUserRepositoryAuthRequest().withNamespace(ns).withRepository("app")
                .withBody(List.of(read)));
        ShowUserRepositoryAuthResponse repoAuth = swr.showUserRepositoryAuth(new ShowUserRepositoryAuthRequest()
                .withNamespace(ns).withRepository("app"));
        assertEquals(1, repoAuth.getOthersAuths().get(0).getAuth().getValue().intValue());
        swr.updateUserRepositoryAuth(new UpdateUserRepositoryAuthRequest().withNamespace(ns).withRepository("app")
                .withBody(List.of(new UserAuth().withUserId(devId).withUserName("dev").withAuth(UserAuth.AuthEnum.NUMBER_7))));
        swr.deleteUserRepositoryAuth(new DeleteUserRepositoryAuthRequest().withNamespace(ns).withRepository("app")
                .withBody(List.of(devId)));
        assertTrue(swr.showUserRepositoryAuth(new ShowUserRepositoryAuthRequest().withNamespace(ns).withRepository("app"))
                .getOthersAuths().isEmpty());
    }

    @Test
    void taggingAnExistingImageFeatureGatesAndApiVersionsWorkThroughTheSdk() throws Exception {
        WharfServer.TestAccount owner = newAccount(adminToken(), "sdktag");
        Keys keys = accessKeyOf(owner);
        SwrClient swr = client(keys);
        String ns = unique("sdktag-");
        swr.createNamespace(new CreateNamespaceRequest().withBody(new CreateNamespaceRequestBody().withNamespace(ns)));
        java.nio.file.Path layout = ImageScanningIT.writeImage(java.nio.file.Files.createTempDirectory("sdk-tag").resolve("i"),
                java.util.Map.of("srv/app", "app 1"));
        Skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", Skopeo.creds(owner), "oci:" + layout + ":1.0",
                Skopeo.image(ns + "/app:1.0")).ok();

        swr.createRepoTag(new com.huaweicloud.sdk.swr.v2.model.CreateRepoTagRequest().withNamespace(ns).withRepository("app")
                .withBody(new com.huaweicloud.sdk.swr.v2.model.CreateRepoTagRequestBody().withSourceTag("1.0")
                        .withDestinationTag("stable")));
        List<com.huaweicloud.sdk.swr.v2.model.ShowReposTagResp> tags = swr.listRepositoryTags(new ListRepositoryTagsRequest().withNamespace(ns)
                .withRepository("app")).getBody();
        assertEquals(2, tags.size());
        assertEquals(tags.get(0).getDigest(), tags.get(1).getDigest(), "both tags name one image, nothing uploaded");
        assertEquals(Skopeo.run("inspect", "--raw", "oci:" + layout + ":1.0").ok().output(),
                Skopeo.run("inspect", "--raw", "--tls-verify=false", "--creds", Skopeo.creds(owner),
                        Skopeo.image(ns + "/app:stable")).ok().output(), "the new tag pulls the same manifest");

        ServiceResponseException taken = assertThrows(ServiceResponseException.class, () -> swr.createRepoTag(
                new com.huaweicloud.sdk.swr.v2.model.CreateRepoTagRequest().withNamespace(ns).withRepository("app")
                        .withBody(new com.huaweicloud.sdk.swr.v2.model.CreateRepoTagRequestBody().withSourceTag("1.0")
                                .withDestinationTag("stable"))));
        assertEquals(409, taken.getHttpStatusCode());
        swr.createRepoTag(new com.huaweicloud.sdk.swr.v2.model.CreateRepoTagRequest().withNamespace(ns).withRepository("app")
                .withBody(new com.huaweicloud.sdk.swr.v2.model.CreateRepoTagRequestBody().withSourceTag("1.0")
                        .withDestinationTag("stable").withOverride(true)));
        ServiceResponseException missing = assertThrows(ServiceResponseException.class, () -> swr.createRepoTag(
                new com.huaweicloud.sdk.swr.v2.model.CreateRepoTagRequest().withNamespace(ns).withRepository("app")
                        .withBody(new com.huaweicloud.sdk.swr.v2.model.CreateRepoTagRequestBody().withSourceTag("9.9")
                                .withDestinationTag("x"))));
        assertEquals(404, missing.getHttpStatusCode());
        ServiceResponseException badName = assertThrows(ServiceResponseException.class, () -> swr.createRepoTag(
                new com.huaweicloud.sdk.swr.v2.model.CreateRepoTagRequest().withNamespace(ns).withRepository("app")
                        .withBody(new com.huaweicloud.sdk.swr.v2.model.CreateRepoTagRequestBody().withSourceTag("1.0")
                                .withDestinationTag("-bad tag"))));
        assertEquals(400, badName.getHttpStatusCode());
        assertTrue(badName.getErrorMsg().contains("destination_tag"), badName.getErrorMsg());

        // The SDK fills {project_id} from its credentials' project.
        var gates = swr.showShareFeatureGates(new com.huaweicloud.sdk.swr.v2.model.ShowShareFeatureGatesRequest());
        assertEquals(List.of(true, true, true, false), List.of(gates.getEnableImageScan(), gates.getEnableHssService(),
                gates.getEnableImageSync(), gates.getEnablePipeline()));

        var versions = swr.listApiVersions(new com.huaweicloud.sdk.swr.v2.model.ListApiVersionsRequest()).getVersions();
        assertEquals("v2", versions.get(0).getId());
        assertEquals("CURRENT", versions.get(0).getStatus());
        var v2 = swr.showApiVersion(new com.huaweicloud.sdk.swr.v2.model.ShowApiVersionRequest().withApiVersion("v2")).getVersion();
        assertEquals(List.of("v2", "2.0", WharfServer.URL + "/v2/"), List.of(v2.getId(), v2.getMinVersion(), v2.getLinks().getHref()));
        assertEquals(401, call("GET", "/v2/", null, null).statusCode(), "with its slash, /v2/ is still the registry");

        var login = swr.createAuthorizationToken(new com.huaweicloud.sdk.swr.v2.model.CreateAuthorizationTokenRequest());
        assertTrue(login.getXSwrDockerlogin().startsWith("docker login -u "), login.getXSwrDockerlogin());
        java.time.Instant expires = java.time.Instant.parse(login.getXSwrExpireat());
        assertTrue(expires.isAfter(java.time.Instant.now().plusSeconds(5 * 3600)), "a temporary login of six hours");
        String auth = new String(java.util.Base64.getDecoder().decode(login.getAuths().values().iterator().next().getAuth()),
                java.nio.charset.StandardCharsets.UTF_8);
        Skopeo.run("inspect", "--raw", "--tls-verify=false", "--creds", auth, Skopeo.image(ns + "/app:stable")).ok();

        var secret = swr.createSecret(new com.huaweicloud.sdk.swr.v2.model.CreateSecretRequest().withProjectname("wharf-local"));
        String secretAuth = new String(java.util.Base64.getDecoder().decode(secret.getAuths().values().iterator().next()
                .getAuth()), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(secret.getXSwrDockerlogin().startsWith("docker login -u "), secret.getXSwrDockerlogin());
        Skopeo.run("inspect", "--raw", "--tls-verify=false", "--creds", secretAuth, Skopeo.image(ns + "/app:stable")).ok();
        ServiceResponseException otherRegion = assertThrows(ServiceResponseException.class, () -> swr.createSecret(
                new com.huaweicloud.sdk.swr.v2.model.CreateSecretRequest().withProjectname("cn-north-4")));
        assertEquals(400, otherRegion.getHttpStatusCode());
    }

    @Test
    void theOverviewAndTheDailyReportsCountWhatIsStoredAndPulled() throws Exception {
        WharfServer.TestAccount owner = newAccount(adminToken(), "sdkusage");
        SwrClient swr = client(accessKeyOf(owner));
        String ns = unique("sdkusage-");
        swr.createNamespace(new CreateNamespaceRequest().withBody(new CreateNamespaceRequestBody().withNamespace(ns)));
        byte[] noise = new byte[3 * 1024 * 1024];
        new java.util.Random(5).nextBytes(noise);
        java.nio.file.Path work = java.nio.file.Files.createTempDirectory("sdk-usage");
        java.nio.file.Path layout = ImageScanningIT.writeImage(work.resolve("i"),
                java.util.Map.of("srv/data", java.util.Base64.getEncoder().encodeToString(noise)));
        Skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", Skopeo.creds(owner), "oci:" + layout + ":1.0",
                Skopeo.image(ns + "/data:1.0")).ok();
        Skopeo.run("copy", "--src-tls-verify=false", "--src-creds", Skopeo.creds(owner), Skopeo.image(ns + "/data:1.0"),
                "oci:" + work.resolve("pulled") + ":1.0").ok();

        var overview = swr.showDomainOverview(new com.huaweicloud.sdk.swr.v2.model.ShowDomainOverviewRequest());
        for (int i = 0; i < 60 && overview.getDownflowSize() == 0; i++) {
            Thread.sleep(500);
            overview = swr.showDomainOverview(new com.huaweicloud.sdk.swr.v2.model.ShowDomainOverviewRequest());
        }
        assertEquals(List.of(1L, 1L, 1L), List.of(overview.getNamspaceNum(), overview.getRepoNum(), overview.getImageNum()));
        assertEquals(owner.name(), overview.getDomainName());
        assertTrue(overview.getStoreSpace() >= 3.0, "about 4 MiB stored: " + overview);
        assertTrue(overview.getDownflowSize() >= 3.0, "the pull's layer counted: " + overview);

        var store = swr.showDomainResourceReports(new com.huaweicloud.sdk.swr.v2.model.ShowDomainResourceReportsRequest()
                .withResourceType(com.huaweicloud.sdk.swr.v2.model.ShowDomainResourceReportsRequest.ResourceTypeEnum.STORE)
                .withFrequency(com.huaweicloud.sdk.swr.v2.model.ShowDomainResourceReportsRequest.FrequencyEnum.DAILY)).getBody();
        assertEquals(30, store.size());
        assertEquals(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(), store.get(29).getDate());
        assertEquals(overview.getStoreSpace(), store.get(29).getValue());
        var downflow = swr.showDomainResourceReports(new com.huaweicloud.sdk.swr.v2.model.ShowDomainResourceReportsRequest()
                .withResourceType(com.huaweicloud.sdk.swr.v2.model.ShowDomainResourceReportsRequest.ResourceTypeEnum.DOWNFLOW)
                .withFrequency(com.huaweicloud.sdk.swr.v2.model.ShowDomainResourceReportsRequest.FrequencyEnum.DAILY)).getBody();
        assertEquals(overview.getDownflowSize(), downflow.get(29).getValue());
        assertEquals(400, call("GET", "/v2/manage/reports/cpu/daily", owner.token(), null).statusCode());
    }

    /**
     * Issue 28: a password change ends the docker logins the SDK's token call handed out (createAuthorizationToken),
     * while the access key the SDK signs with goes on: it is a credential of its own.
     */
    @Test
    void aPasswordChangeEndsTheSdksTemporaryLoginsButNotItsAccessKey() {
        WharfServer.TestAccount owner = newAccount(adminToken(), "sdkpw");
        SwrClient swr = client(accessKeyOf(owner));
        var login = swr.createAuthorizationToken(new com.huaweicloud.sdk.swr.v2.model.CreateAuthorizationTokenRequest());
        String basic = "Basic " + login.getAuths().values().iterator().next().getAuth();
        assertEquals(200, WharfServer.send(WharfServer.request("/v2/").header("Authorization", basic).GET()).statusCode(),
                "the temporary login works");
        String userId = json(call("GET", "/v3/users", owner.token(), null)).getJsonArray("users").getJsonObject(0)
                .getString("id");
        assertEquals(204, call("PUT", "/v3.0/OS-USER/users/" + userId + "/password", null,
                "{\"user\": {\"original_password\": \"%s\", \"password\": \"sdk-New-Secret-2\"}}"
                        .formatted(owner.adminPassword())).statusCode());
        assertEquals(401, WharfServer.send(WharfServer.request("/v2/").header("Authorization", basic).GET()).statusCode(),
                "the temporary login ended with the password");
        assertTrue(swr.listNamespaces(new ListNamespacesRequest()).getNamespaces() != null, "the access key still signs");
    }
}
