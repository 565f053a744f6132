package org.waymark.linkage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;

/**
 * Made-up people for benchmarks, demos and training the shipped model: names from lists of common UK names
 * with a long tail of invented ones, and about one in five people recorded again with one or two faults
 * (a typo, a nickname, day and month swapped, a wrong digit or year, no postcode, a new postcode, names swapped). Never a
 * real person's record.
 */
public final class SyntheticPeople {

    /** The records, each with the number of the generated person it describes (the truth). */
    public record Population(List<PersonRecord> records, List<Integer> truth, int people) {
    }

    private static final String[] FORENAMES = ("oliver amelia george isla harry ava noah mia jack ivy leo lily arthur "
            + "sophia muhammad freya oscar florence charlie willow jacob evie thomas grace william emily james ella henry "
            + "rosie alfie poppy joshua daisy freddie sienna archie alice theo isabella ethan evelyn isaac harper alexander "
            + "sofia joseph phoebe edward millie samuel matilda max elsie daniel ruby logan maya lucas aria adam layla "
            + "ibrahim zara yusuf aisha omar fatima hamza maryam ali amira zain hana bilal sara ayaan imaan ryan chloe "
            + "mason jessica dylan holly tyler megan kai nia rhys seren dewi cerys owen ffion").split(" ");
    private static final String[] SURNAMES = ("smith jones williams taylor brown davies evans wilson thomas johnson roberts "
            + "robinson thompson wright walker white edwards hughes green hall lewis harris clarke patel jackson wood "
            + "turner martin cooper hill ward morris moore clark lee king baker harrison morgan allen james scott phillips "
            + "watson davis parker price bennett young griffiths mitchell kelly cook carter richardson bailey collins bell "
            + "shaw murphy miller cox richards khan marshall anderson simpson ellis adams singh begum wilkinson foster chapman "
            + "powell webb rogers gray mason ali hussain campbell matthews owen palmer holmes mills barnes knight lloyd butler "
            + "russell barker fisher stevens jenkins murray dixon harvey graham pearson ahmed fletcher walsh kaur gibson howard "
            + "andrews stewart elliott reynolds saunders payne fox ford pearce day brooks west lawrence cole atkinson bradley "
            + "spencer gill dawson ball burton o'brien watts rose booth perry ryan grant wells armstrong francis rees hayes "
            + "hart hudson newman barrett webster hunter gregory carr lowe page marsh riley dunn woods parsons berry stone "
            + "reid holland hawkins harding porter robertson newton oliver reed kennedy williamson bird gardner shah dean lane "
            + "cooke bates henderson parry burgess bishop walton burns nicholson shepherd ross cross long freeman warren "
            + "nicholls hamilton byrne sutton mcdonald yates hodgson robson curtis hopkins o'connor harper coleman watkins "
            + "moss mccarthy chambers o'neill griffin sharp hardy wheeler potter osborne johnston gordon doyle wallace george "
            + "jordan hutchinson rowe burke may pritchard gilbert willis higgins read miah stephens").split(" ");
    private static final String[] TOWNS = ("london birmingham manchester leeds liverpool sheffield bristol leicester coventry "
            + "bradford nottingham newcastle sunderland wolverhampton derby southampton portsmouth plymouth stoke reading "
            + "luton preston blackburn bolton oldham rochdale cardiff swansea newport wrexham bangor norwich ipswich "
            + "cambridge oxford exeter york hull middlesbrough blackpool peterborough slough watford croydon harrow ealing").split(" ");
    private static final String[][] NICKNAMES = {{"william", "bill"}, {"thomas", "tom"}, {"james", "jim"}, {"alexander", "alex"},
            {"joseph", "joe"}, {"edward", "ted"}, {"samuel", "sam"}, {"daniel", "dan"}, {"muhammad", "mohammed"}, {"isabella", "bella"},
            {"yusuf", "yousef"}, {"henry", "harry"}, {"jessica", "jess"}, {"matilda", "tilly"}};

    private SyntheticPeople() {
    }

    public static Population generate(int n, long seed) {
        var random = new Random(seed);
        var records = new ArrayList<PersonRecord>(n);
        var truth = new ArrayList<Integer>(n);
        int person = 0;
        while (records.size() < n) {
            var original = original(random);
            records.add(record(records.size(), original));
            truth.add(person);
            if (random.nextInt(5) == 0) {
                int copies = 1 + random.nextInt(2);
                for (int k = 0; k < copies && records.size() < n; k++) {
                    records.add(record(records.size(), corrupt(original, random)));
                    truth.add(person);
                }
            }
            person++;
        }
        return new Population(records, truth, person);
    }

    record Person(String first, String last, LocalDate dob, String postcode, String town) {
    }

    private static final String[] SYLLABLES = ("an bel cor dan el fen gar hal is jor kel lan mor nel or pen quin ros sal tor ul "
            + "van wen yar zel bro cra dre fla gri hol kra lom mun nor pry rad sten tho vel wyn").split(" ");
    private static final String[] ENDINGS = {"", "s", "son", "ley", "ton", "ford", "well", "er", "by", "ham", "wick", "more"};

    /** Surnames and towns in a long tail as real ones are: the common list first, then made-up names, Zipf-weighted. */
    private static String tail(String[] common, Random random, int made, long salt) {
        double r = Math.pow(random.nextDouble(), 2.5);
        int i = (int) (r * (common.length + made));
        if (i < common.length) {
            return common[i];
        }
        var named = new Random(salt * 1_000_003L + i);
        return SYLLABLES[named.nextInt(SYLLABLES.length)] + SYLLABLES[named.nextInt(SYLLABLES.length)] + ENDINGS[named.nextInt(ENDINGS.length)];
    }

    private static Person original(Random random) {
        var dob = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 65));
        String postcode = (char) ('A' + random.nextInt(26)) + "" + (char) ('A' + random.nextInt(26)) + (1 + random.nextInt(20)) + " "
                + random.nextInt(10) + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
        return new Person(tail(FORENAMES, random, 1_500, 1), tail(SURNAMES, random, 20_000, 2), dob, postcode, tail(TOWNS, random, 600, 3));
    }

    private static Person corrupt(Person p, Random random) {
        String first = p.first();
        String last = p.last();
        String dob = p.dob().toString();
        String postcode = p.postcode();
        String town = p.town();
        int faults = 1 + random.nextInt(2);
        for (int f = 0; f < faults; f++) {
            switch (random.nextInt(10)) {
                case 0 -> first = typo(first, random);
                case 1 -> last = typo(last, random);
                case 2 -> {
                    for (String[] pair : NICKNAMES) {
                        if (pair[0].equals(first)) {
                            first = pair[1];
                        }
                    }
                }
                case 3 -> {
                    if (p.dob().getDayOfMonth() <= 12) {
                        dob = LocalDate.of(p.dob().getYear(), p.dob().getDayOfMonth(), p.dob().getMonthValue()).toString();
                    }
                }
                case 4 -> dob = dob.substring(0, 9) + (char) ('0' + random.nextInt(10));
                case 5 -> postcode = null;
                case 6 -> postcode = original(random).postcode(); // moved house
                case 7 -> postcode = postcode == null ? null : typo(postcode, random);
                case 8 -> dob = p.dob().plusYears(random.nextBoolean() ? 1 : -1).toString(); // year wrong
                default -> {
                    String swap = first;
                    first = last;
                    last = swap;
                }
            }
        }
        return new Person(first, last, LocalDate.parse(validDate(dob, p.dob())), postcode, town);
    }

    private static String validDate(String dob, LocalDate fallback) {
        try {
            return LocalDate.parse(dob).toString();
        } catch (RuntimeException e) {
            return fallback.toString();
        }
    }

    private static String typo(String s, Random random) {
        if (s.length() < 3) {
            return s;
        }
        int i = 1 + random.nextInt(s.length() - 2);
        return s.substring(0, i) + (char) ('a' + random.nextInt(26)) + s.substring(i + 1);
    }

    private static PersonRecord record(int index, Person p) {
        var fields = new HashMap<String, String>();
        put(fields, Fields.FIRST_NAME, p.first());
        put(fields, Fields.SURNAME, p.last());
        put(fields, Fields.DOB, p.dob().toString());
        put(fields, Fields.POSTCODE, p.postcode());
        put(fields, Fields.CITY, p.town());
        return new PersonRecord(index, 0, Integer.toString(index), fields);
    }

    private static void put(HashMap<String, String> fields, String field, String raw) {
        String v = Fields.clean(field, raw);
        if (v != null) {
            fields.put(field, v);
        }
    }

}
