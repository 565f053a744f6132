package org.waymark.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.waymark.linkage.LinkageCommand;
import org.waymark.linkage.MatchModel;
import org.waymark.linkage.SyntheticPeople;

/** The model the application ships is exactly what `waymark linkage train-model` produces from the code as it is. */
class PersonMatchModelUnitTest {

    @Test
    void theShippedModelIsWhatTrainingProducesAndFitsTheComparisons() throws Exception {
        String shipped;
        try (var in = getClass().getResourceAsStream("/reference/person-match-model.tsv")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // Reading checks every comparison and level of the code is in the file, and nothing else is.
        try (var in = getClass().getResourceAsStream("/reference/person-match-model.tsv")) {
            MatchModel.read(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        String trained = MatchModel.train(SyntheticPeople.generate(LinkageCommand.TRAINING_RECORDS, LinkageCommand.TRAINING_SEED).records()).write();
        assertThat(shipped).as("retrain: ./waymark linkage train-model > app/src/main/resources/reference/person-match-model.tsv").isEqualTo(trained);
    }
}
