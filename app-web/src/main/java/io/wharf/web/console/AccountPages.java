package io.wharf.web.console;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.User;
import io.wharf.domain.error.WharfException;
import io.wharf.web.application.AccountService;
import io.wharf.web.application.Page;
import io.wharf.web.application.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.wharf.web.application.UseCase;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Administration: {@code /console/accounts} (Wharf's administrators create accounts, each with its administrator)
 * and {@code /console/users?account=<id>} (an account's administrator adds users).
 */
@ApplicationScoped
@Path("{section: accounts|users}")
public class AccountPages {
    @Inject
    AccountService accounts;
    @Inject
    io.wharf.web.application.PasswordService passwords;


    @GET
    @UseCase
    public Response show(@Context HttpServletRequest http, @PathParam("section") String section) throws IOException {
        return ConsolePage.answer(http, console -> handle(console, section));
    }

    @POST
    public Response submit(@Context HttpServletRequest http, @PathParam("section") String section) throws IOException {
        return ConsolePage.answer(http, console -> handle(console, section));
    }

    void handle(ConsoleRequest console, String section) throws IOException {
        if (section.equals("accounts")) {
            if (console.isPost()) {
                createAccount(console);
            } else {
                listAccounts(console, 200, Map.of());
            }
        } else if (console.isPost() && console.param("action").equals("password")) {
            setPassword(console);
        } else if (console.isPost()) {
            createUser(console);
        } else {
            listUsers(console, 200, Map.of());
        }
    }

    private void listAccounts(ConsoleRequest console, int status, Map<String, Object> form) throws IOException {
        PageRequest request = Paging.request(console);
        Page<Account> page = accounts.listAccounts(console.caller(), request);
        Map<String, Object> model = new HashMap<>(form);
        model.put("accounts", page.items());
        model.put("paging", Paging.of(request, page));
        model.putIfAbsent("name", "");
        model.putIfAbsent("adminName", "");
        console.render(status, "accounts", model);
    }

    private void createAccount(ConsoleRequest console) throws IOException {
        String name = console.param("name");
        String adminName = console.param("adminName");
        try {
            accounts.createAccount(console.caller(), name, adminName, console.param("adminPassword"));
            console.flash(console.text("accounts.created", name, adminName));
            console.redirect("/console/accounts");
        } catch (WharfException refused) {
            listAccounts(console, ConsoleRequest.statusOf(refused),
                    Map.of("name", name, "adminName", adminName, "error", console.refusal(refused)));
        }
    }

    private String accountId(ConsoleRequest console) {
        String chosen = console.param("account");
        return chosen.isEmpty() ? console.caller().accountId() : chosen;
    }

    private void listUsers(ConsoleRequest console, int status, Map<String, Object> form) throws IOException {
        String accountId = accountId(console);
        Account account = accounts.account(console.caller(), accountId);
        PageRequest request = Paging.request(console);
        Page<User> page = accounts.listUsers(console.caller(), accountId, request);
        Map<String, Object> model = new HashMap<>(form);
        model.put("account", account);
        model.put("users", page.items());
        model.put("paging", Paging.of(request, page));
        model.putIfAbsent("userName", "");
        console.render(status, "users", model);
    }

    private void createUser(ConsoleRequest console) throws IOException {
        String accountId = accountId(console);
        String userName = console.param("userName");
        try {
            accounts.createUser(console.caller(), accountId, userName, console.param("password"),
                    console.param("administrator").equals("on"));
            console.flash(console.text("users.created", userName));
            console.redirect("/console/users?account=" + accountId);
        } catch (WharfException refused) {
            listUsers(console, ConsoleRequest.statusOf(refused), Map.of("userName", userName, "error", console.refusal(refused)));
        }
    }

    private void setPassword(ConsoleRequest console) throws IOException {
        String accountId = accountId(console);
        try {
            User user = passwords.reset(console.caller(), console.param("user"), console.param("password"),
                    console.param("requireChange").equals("on"));
            console.flash(console.text("users.passwordSet", user.name().value()));
            console.redirect("/console/users?account=" + accountId);
        } catch (WharfException refused) {
            listUsers(console, ConsoleRequest.statusOf(refused), Map.of("error", console.refusal(refused)));
        }
    }
}
