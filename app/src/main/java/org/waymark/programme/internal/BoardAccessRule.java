package org.waymark.programme.internal;

import org.springframework.stereotype.Component;
import org.waymark.access.AccessRule;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.Role;
import org.waymark.programme.internal.ProgrammeRecords.Board;

/**
 * A board is its organisation's: that organisation's programme managers run it (members, meetings, actions); the Home
 * Office's see every board. Nobody else sees one, and nothing is deleted (a board's record is the programme's history).
 */
@Component
class BoardAccessRule implements AccessRule<Board> {

    @Override
    public Class<Board> recordClass() {
        return Board.class;
    }

    @Override
    public Decision decide(CurrentUser user, Action action, Board board) {
        if (!user.has(Role.PROGRAMME_MANAGER)) {
            return Decision.ABSTAIN;
        }
        if (action == Action.DELETE) {
            return Decision.DENY;
        }
        return user.hasNationalScope() || board.organisationCode().equals(user.organisationCode()) ? Decision.PERMIT : Decision.ABSTAIN;
    }
}
