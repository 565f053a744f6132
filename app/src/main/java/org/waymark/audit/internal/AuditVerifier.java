package org.waymark.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Checks the whole trail: every seal's entry exists, is unchanged (MAC and hash) and links to the previous
 * seal; the chain head agrees; every checkpoint outside the database still matches; and no unsealed entry
 * lacks a valid MAC. Reads only.
 */
@Component
class AuditVerifier {

    private static final int PAGE = 5000;
    private static final int MAX_PROBLEMS = 50;

    private final AuditEntries entries;
    private final AuditCrypto crypto;
    private final AuditProperties properties;

    AuditVerifier(AuditEntries entries, AuditCrypto crypto, AuditProperties properties) {
        this.entries = entries;
        this.crypto = crypto;
        this.properties = properties;
    }

    record Result(long sealed, long pending, int checkpoints, List<String> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    Result verify() {
        var problems = new ArrayList<String>();
        long position = 0;
        String chain = AuditCrypto.GENESIS;
        List<AuditEntries.SealedEntry> page;
        do {
            page = entries.sealedPage(position, PAGE);
            for (var sealed : page) {
                var seal = sealed.seal();
                if (seal.position() != position + 1) {
                    report(problems, "seals " + (position + 1) + " to " + (seal.position() - 1) + " are missing (deleted from the chain)");
                }
                var entry = sealed.entry();
                if (entry == null) {
                    report(problems, "entry " + seal.entryId() + " (chain position " + seal.position() + ") has been deleted");
                } else if (!crypto.macValid(entry)) {
                    report(problems, "entry " + entry.id() + " (chain position " + seal.position() + ") has been altered: its MAC does not match");
                } else if (!AuditCrypto.entryHash(entry).equals(seal.entryHash())) {
                    report(problems, "entry " + entry.id() + " (chain position " + seal.position() + ") differs from what was sealed");
                }
                String expected = AuditCrypto.chain(chain, seal.entryHash());
                if (!expected.equals(seal.chainHash())) {
                    report(problems, "chain broken at position " + seal.position() + " (entry " + seal.entryId() + "): the seal was altered");
                }
                chain = seal.chainHash();
                position = seal.position();
            }
        } while (page.size() == PAGE && problems.size() < MAX_PROBLEMS);

        var head = entries.head();
        if (head.position() != position || !head.chainHash().equals(chain)) {
            report(problems, "the chain head (position " + head.position() + ") does not match the last seal (position " + position + ")");
        }
        int checkpoints = checkCheckpoints(problems, position);
        long[] pending = {0};
        entries.forEachUnsealed(entry -> {
            if (!crypto.macValid(entry)) {
                report(problems, "entry " + entry.id() + " was not written by Waymark (inserted or altered through the database)");
            } else {
                pending[0]++;
            }
        });
        return new Result(position, pending[0], checkpoints, List.copyOf(problems));
    }

    private int checkCheckpoints(List<String> problems, long lastPosition) {
        Path file = properties.checkpointDir().resolve(AuditSealer.CHECKPOINT_FILE);
        if (!Files.exists(file)) {
            return 0;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            report(problems, "cannot read checkpoints at " + file + ": " + e.getMessage());
            return 0;
        }
        // Each seal's hash covers the whole chain before it, so the newest checkpoints vouch for the older ones:
        // checking the last hundred keeps verify fast however long the file grows.
        int checked = 0;
        for (String line : lines.subList(Math.max(0, lines.size() - 100), lines.size())) {
            String[] parts = line.trim().split(" ");
            if (parts.length < 2) {
                continue;
            }
            long position = Long.parseLong(parts[0]);
            var seal = entries.sealAt(position);
            if (seal.isEmpty()) {
                report(problems, "checkpoint of " + (parts.length > 2 ? parts[2] : "?") + " names chain position " + position
                        + " but the chain ends at " + lastPosition + ": sealed entries were removed");
            } else if (!seal.get().chainHash().equals(parts[1])) {
                report(problems, "checkpoint of " + (parts.length > 2 ? parts[2] : "?") + " does not match chain position "
                        + position + ": the chain was rewritten");
            }
            checked++;
        }
        return checked;
    }

    private static void report(List<String> problems, String problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        }
    }
}
