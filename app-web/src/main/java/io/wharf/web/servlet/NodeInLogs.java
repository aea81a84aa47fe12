package io.wharf.web.servlet;

import io.wharf.web.application.ClusterNode;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Names this node on every JSON log line ({@code ext_node}: {@code WHARF_NODE_ID}, or the name the node chose). */
@WebListener
public class NodeInLogs implements ServletContextListener {
    @Inject
    ClusterNode node;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        LogContext.node(node.id());
    }
}
