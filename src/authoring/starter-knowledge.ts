/**
 * The file `kb init` writes: two entries that show every field, with the rules in comments, so a
 * new author edits a file that already loads, answers and passes `kb check`. A test keeps it so.
 */
export const STARTER_KNOWLEDGE = `# A knowledge file: the bot answers only from what is written here, and says so when it does not know.
# Check it with:  npm run kb -- check --knowledge THIS_FILE
# Try it with:    npm run -s ask -- --knowledge THIS_FILE "when does the library open?"
# A running bot (npm start with KNOWLEDGE_PATH pointing here) reloads the file when you save it.
#
# The rules:
# - Every answer says who its facts come from ("According to …") and rests on a \`source\` passage
#   copied word for word from the source document; keep numbers and hedges ("over", "about") as written.
# - Each entry needs at least 6 questions (8 or more is better): formal, casual, terse, misspelt.
#   The first one is shown to users as a suggestion, so write it well.
# - Two entries must never share a question; \`kb check\` tells you when they do.
# - Field names are exactly those below; a misspelt one is reported with the closest known name.
version: 1

source:
  publication: Riverside Library      # who published the facts; shown under every answer
  title: Visitor information          # optional
  url: https://example.org/visit      # optional
  # document: sources/visit.txt       # optional: the source text, relative to this file; when set,
  #                                   # every entry's \`source\` must occur in it verbatim

synonyms:                             # optional: words that mean the same thing here
  - [open, opening, opened]
  - [wifi, wi-fi, wireless, internet]

shorthand:                            # optional: this audience's chat words, on top of the built-in
  lib: library                        # ones (u, r, rn, pls…): "lib hours?" reads "library hours?"

offTopic:                             # optional: questions the bot must decline; they also tune
  - When does the swimming pool open? # how sure it must be before answering
  - What is the weather tomorrow?
  - Can I borrow a bicycle?

# thresholds: { answer: 0.6, clarify: 0.3 }   # optional: fix the confidence cut-offs instead

entries:
  - id: opening-hours                 # lower-case words joined by "-"; keep it stable once published
    subject: opening hours            # optional: what the entry is about, for follow-up questions
    questions:
      - When does the library open?
      - What are the library's opening hours?
      - library opening times
      - what time do you open
      - when are you open
      - Is the library open on Saturday?
      - hours?
      - wen does the libary open
    answer: According to Riverside Library, the library is open from 9 am to 6 pm, Monday to Saturday.
    attribution: Riverside Library    # who the facts are attributed to, as named in the answer
    source: The library is open from 9 am to 6 pm, Monday to Saturday.
    related: [wifi-password]          # optional: ids of entries offered as "Related"
    # rank: { list: busiest-days, position: 1 }   # optional: place in an ordered list the source
    #                                             # gives, so "and the next one?" can follow

  - id: wifi-password
    questions:
      - What is the Wi-Fi password?
      - how do I get on the wifi
      - wifi password
      - Can I use the internet in the library?
      - how to connect to the wireless network
      - is there free wifi
      - what's the wifi code
      - wify pasword
    answer: 'According to the librarian, Ana Ruiz: "The password is printed on your library card."'
    attribution: the librarian, Ana Ruiz
    source: '"The password is printed on your library card," said the librarian, Ana Ruiz.'
    speaker: Ana Ruiz                 # optional, for quotes: who said it ("who said that?")
    related: [opening-hours]
    # review: generated              # set by kb import on entries it wrote; remove once you have read them
`;
