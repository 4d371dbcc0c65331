package org.hmbd.searchnode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.PluginsLoader;

/**
 * Starts a real single-node Elasticsearch in this JVM, bound to 127.0.0.1 only.
 *
 * <p>Run by the registry as a child process (never inside the registry's JVM: Elasticsearch's
 * netty and log4j clash with Spring Boot's):
 * {@code java -cp 'lib/*' org.hmbd.searchnode.SearchNode --home H --data D --logs L --port P}.
 * The node stops when its standard input closes, so it never outlives the server that started it,
 * even one killed with SIGKILL.
 */
public final class SearchNode {

    private static final String HTTP_MODULE = "transport-netty4";

    private SearchNode() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path home = Path.of(required(options, "home")).toAbsolutePath();
        Path data = Path.of(options.getOrDefault("data", home.resolve("data").toString())).toAbsolutePath();
        Path logs = Path.of(options.getOrDefault("logs", home.resolve("logs").toString())).toAbsolutePath();
        String port = required(options, "port");
        Path modules = home.resolve("modules");
        Path plugins = home.resolve("plugins");
        Files.createDirectories(plugins);
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(data);
        Files.createDirectories(logs);
        writeDescriptor(modules.resolve(HTTP_MODULE));

        Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", data.toString())
                .put("path.logs", logs.toString())
                .put("cluster.name", options.getOrDefault("cluster-name", "hmbd-registry"))
                .put("node.name", "hmbd-search")
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", port)
                .put("transport.port", "0")
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("action.auto_create_index", false)
                .build();
        LogConfigurator.configureESLogging();
        LogConfigurator.configureWithoutConfig(settings);

        Environment environment = new Environment(settings, home.resolve("config"));
        PluginsLoader loader = PluginsLoader.createPluginsLoader(PluginsLoader.loadModulesBundles(modules),
                PluginsLoader.loadPluginsBundles(plugins), Map.of(), false);
        Node node = new Node(environment, loader);
        node.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(node), "search-node-shutdown"));
        System.out.println("hmbd search node started on 127.0.0.1:" + port);
        System.out.flush();

        // the parent holds our standard input open; end of input means it is gone
        InputStream in = System.in;
        while (in.read() >= 0) {
            // nothing is ever sent; keep reading until the pipe closes
        }
        System.exit(0);
    }

    private static void close(Node node) {
        try {
            node.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("search node did not close cleanly: " + e);
        }
    }

    /** The module's descriptor comes from its jar, without the modulename line (not a module layer here). */
    static void writeDescriptor(Path moduleDir) throws IOException {
        Path descriptor = moduleDir.resolve("plugin-descriptor.properties");
        if (Files.exists(descriptor)) {
            return;
        }
        Path jar;
        try (Stream<Path> files = Files.list(moduleDir)) {
            jar = files.filter(p -> p.getFileName().toString().startsWith(HTTP_MODULE + "-"))
                    .findFirst().orElseThrow(() -> new IOException("no " + HTTP_MODULE + " jar in " + moduleDir));
        }
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            var entry = jarFile.getEntry("META-INF/es-plugins/" + HTTP_MODULE + "/plugin-descriptor.properties");
            if (entry == null) {
                throw new IOException("no plugin descriptor in " + jar);
            }
            String text;
            try (InputStream in = jarFile.getInputStream(entry)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String cleaned = text.lines().filter(l -> !l.startsWith("modulename="))
                    .collect(Collectors.joining("\n", "", "\n"));
            Files.writeString(descriptor, cleaned, StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
