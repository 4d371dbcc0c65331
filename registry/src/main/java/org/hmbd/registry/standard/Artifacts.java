package org.hmbd.registry.standard;

import org.hmbd.registry.shared.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.Msg;
import org.hmbd.registry.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Draft content (documents, FHIR conformance resources, data element tables). Every upload is a
 * new revision; earlier revisions stay retrievable and are never changed.
 */
@Service
public class Artifacts {

    /** The artifact carrying an edition's validator content: a FHIR NPM package with its test-suite manifest. */
    public static final String FHIR_PACKAGE = "fhir-package.tgz";
    public static final String FHIR_PACKAGE_TYPE = "application/gzip";
    /** The data elements and data sets of an edition, under {@code package/other/} of its FHIR package. */
    public static final String CATALOG_FILE = "hmbd-catalog.json";

    private final JdbcClient jdbc;
    private final Standards standards;
    private final WorkingGroups groups;
    private final StandardsProperties props;

    Artifacts(JdbcClient jdbc, Standards standards, WorkingGroups groups, StandardsProperties props) {
        this.jdbc = jdbc;
        this.standards = standards;
        this.groups = groups;
        this.props = props;
    }

    public record Revision(long id, long editionId, String name, int revision, String mediaType, long sizeBytes,
                           String sha256, String uploadedBy, Instant uploadedAt) {
    }

    public record Content(Revision revision, byte[] bytes) {
    }

    /** Stores a new revision of the named artifact; only the group's lead or drafters, while drafting. */
    @Transactional
    public Revision upload(Actor actor, long editionId, String name, String mediaType, InputStream body)
            throws IOException {
        checkName(name);
        Edition e = standards.edition(actor, editionId);
        jdbc.sql("select id from edition where id = ? for update").param(editionId).query(Long.class).single();
        groups.requireDrafter(actor, e.workingGroupId());
        if (e.status() != EditionStatus.DRAFTING) {
            throw new DomainException(ErrorCode.CONFLICT, java.util.Map.of("currentStatus", e.status().name()),
                    Msg.of("conflict.not-drafting", e.status()));
        }
        byte[] bytes = readLimited(body, props.maxArtifactSize().toBytes());
        if (bytes.length == 0) {
            throw DomainException.invalidField("body", "empty");
        }
        String type = mediaType == null || mediaType.isBlank() ? "application/octet-stream"
                : Text.optional("Content-Type", mediaType, 100);
        long id = addRevision(editionId, name, type, bytes, actor.username());
        return revisions(actor, editionId, name).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    /** The next revision of an artifact (the first if it is new); the only writer of {@code artifact_revision}. */
    long addRevision(long editionId, String name, String mediaType, byte[] bytes, String actor) {
        int next = jdbc.sql("select coalesce(max(revision), 0) + 1 from artifact_revision where edition_id = ? "
                        + "and name = ?")
                .params(editionId, name).query(Integer.class).single();
        return jdbc.sql("""
                        insert into artifact_revision (edition_id, name, revision, media_type, size_bytes, sha256,
                                                       content, uploaded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(editionId, name, next, mediaType, bytes.length, Digests.sha256Hex(bytes), bytes, actor)
                .query(Long.class).single();
    }

    /** The latest revision of each artifact of an edition. */
    public List<Revision> latest(Actor viewer, long editionId) {
        standards.edition(viewer, editionId);
        return jdbc.sql(SELECT + " where a.edition_id = ? and a.revision = (select max(b.revision) from "
                        + "artifact_revision b where b.edition_id = a.edition_id and b.name = a.name) order by a.name")
                .param(editionId).query(Artifacts::map).list();
    }

    public List<Revision> revisions(Actor viewer, long editionId, String name) {
        standards.edition(viewer, editionId);
        List<Revision> list = jdbc.sql(SELECT + " where a.edition_id = ? and a.name = ? order by a.revision")
                .params(editionId, name).query(Artifacts::map).list();
        if (list.isEmpty()) {
            throw DomainException.notFound("artifact", name);
        }
        return list;
    }

    /** The content of a revision; {@code revision} null means the latest. */
    public Content content(Actor viewer, long editionId, String name, Integer revision) {
        List<Revision> all = revisions(viewer, editionId, name);
        Revision r = revision == null ? all.get(all.size() - 1)
                : all.stream().filter(x -> x.revision() == revision).findFirst()
                        .orElseThrow(() -> DomainException.notFound("artifact-revision", name + "@" + revision));
        byte[] bytes = jdbc.sql("select content from artifact_revision where id = ?").param(r.id())
                .query(byte[].class).single();
        return new Content(r, bytes);
    }

    /** Whether an edition has an artifact of that name (without reading its content). */
    public boolean exists(long editionId, String name) {
        return jdbc.sql("select count(*) from artifact_revision where edition_id = ? and name = ?")
                .params(editionId, name).query(Long.class).single() > 0;
    }

    /** The latest content of an edition's artifact, without a viewer: for the server's own use. */
    public java.util.Optional<byte[]> latestContent(long editionId, String name) {
        return jdbc.sql("select content from artifact_revision where edition_id = ? and name = ? "
                        + "order by revision desc limit 1")
                .params(editionId, name).query(byte[].class).optional();
    }

    /** The SHA-256 of the latest revision of an edition's artifact: tells a cached copy is current. */
    public java.util.Optional<String> latestDigest(long editionId, String name) {
        return jdbc.sql("select sha256 from artifact_revision where edition_id = ? and name = ? "
                        + "order by revision desc limit 1")
                .params(editionId, name).query(String.class).optional();
    }

    private static void checkName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,199}")) {
            throw DomainException.invalidField("name", "artifact-name");
        }
    }

    private static byte[] readLimited(InputStream in, long max) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, java.util.Map.of("maxBytes", max),
                    Msg.of("problem.payload-too-large.limit", max));
        }
        return bytes;
    }

    private static final String SELECT = "select a.id, a.edition_id, a.name, a.revision, a.media_type, a.size_bytes, "
            + "a.sha256, a.uploaded_by, a.uploaded_at from artifact_revision a";

    private static Revision map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Revision(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getLong(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant());
    }
}
