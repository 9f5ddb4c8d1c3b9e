// The regular-expression dialect of CPython 3.13's `re` module (re._parser), as one combined grammar.
//
// The lexer does what sre_parse's Tokenizer and its callers do between them: it knows whether it is inside a
// character class and whether verbose mode is on (both change how text is cut into tokens), and it keeps
// one verbose switch per open group because scoped flags `(?x:...)` / `(?-x:...)` change it for the group
// only. That state lives in PythonRegexLexer.State.cs; the predicates below only read it.
//
// The parser is deliberately permissive: anything sre_parse rejects but that still has a shape (a
// quantifier with nothing before it, an unterminated group or class, a malformed escape) parses into a
// tree, and RegexAstBuilder reports it with CPython's message at CPython's position. That keeps every
// error in one place and lets it be reported in the order sre_parse would find it.
grammar PythonRegex;

// ---------------------------------------------------------------- parser

pattern      : disjunction trailing? EOF ;
// sre_parse stops at an unmatched ')' and reports "unbalanced parenthesis"; what follows is never read.
trailing     : GROUP_CLOSE .*? ;
disjunction  : branch ( ALTERNATION branch )* ;
branch       : element* ;
element      : atom QUANT*                # quantified
             | QUANT                      # strayQuantifier
             | FLAGS_GLOBAL               # globalFlags
             ;
atom         : group
             | charClass
             | escape
             | LITERAL_CHAR
             | DOT
             | CARET
             | DOLLAR
             | GROUP_NAMED_REF
             | malformed
             ;
group        : groupOpen disjunction GROUP_CLOSE? ;
groupOpen    : GROUP_OPEN | GROUP_NONCAPTURE | GROUP_NAMED | GROUP_ATOMIC | GROUP_LOOKAHEAD
             | GROUP_LOOKBEHIND | GROUP_CONDITIONAL | FLAGS_SCOPED ;
charClass    : CLASS_OPEN classItem* CLASS_CLOSE? ;
classItem    : classAtom ( CLASS_DASH classAtom )? ;
classAtom    : CLASS_CHAR | CLASS_DASH | CLASS_OCTAL | escape ;
escape       : ESC_HEX | ESC_U4 | ESC_U8 | ESC_NAMED | ESC_OCTAL_ZERO | ESC_OCTAL3 | ESC_BACKREF | ESC_CHAR
             | ESC_HEX_INCOMPLETE | ESC_U4_INCOMPLETE | ESC_U8_INCOMPLETE | ESC_NAMED_UNTERMINATED | ESC_END ;
// Tokens that only exist to carry a lexical error to the builder.
malformed    : COMMENT_UNTERMINATED | GROUP_NAMED_UNTERMINATED | GROUP_NAMED_REF_UNTERMINATED
             | GROUP_CONDITIONAL_UNTERMINATED | GROUP_EXT_BAD | FLAGS_BAD ;

// ---------------------------------------------------------------- lexer: inside a character class

CLASS_CLOSE  : {InClass && !AtClassStart}? ']' { LeaveClass(); } ;
CLASS_DASH   : {InClass}? '-' ;
// In a class every digit escape is octal (up to three digits); \8 and \9 fall to ESC_CHAR (bad escape).
CLASS_OCTAL  : {InClass}? '\\' OCT OCT? OCT? ;

// ---------------------------------------------------------------- lexer: escapes (both places)

ESC_HEX                : '\\x' HEX HEX ;
ESC_HEX_INCOMPLETE     : '\\x' HEX? ;
ESC_U4                 : '\\u' HEX HEX HEX HEX ;
ESC_U4_INCOMPLETE      : '\\u' ( HEX ( HEX HEX? )? )? ;
ESC_U8                 : '\\U' HEX HEX HEX HEX HEX HEX HEX HEX ;
ESC_U8_INCOMPLETE      : '\\U' HEX? HEX? HEX? HEX? HEX? HEX? HEX? ;
// Names are read token by token, so an escaped '}' does not end one.
ESC_NAMED              : '\\N{' ( '\\' . | ~[}\\] )* '}' ;
ESC_NAMED_UNTERMINATED : '\\N{' ( '\\' . | ~[}\\] )* ;
// Outside a class: \0 takes up to two more octal digits; three octal digits not starting with 0 are an
// octal escape; otherwise one or two decimal digits are a group reference.
ESC_OCTAL_ZERO         : {!InClass}? '\\0' OCT? OCT? ;
ESC_OCTAL3             : {!InClass}? '\\' [1-7] OCT OCT ;
ESC_BACKREF            : {!InClass}? '\\' [1-9] [0-9]? ;
ESC_CHAR               : '\\' . ;
ESC_END                : '\\' ;

// ---------------------------------------------------------------- lexer: outside a class

VERBOSE_SPACE          : {!InClass && Verbose}? [ \t\n\r\u000B\f]+ -> skip ;
// A verbose comment runs to the end of the line; an escaped newline does not end it (sre reads pairs).
VERBOSE_COMMENT        : {!InClass && Verbose}? '#' ( '\\' . | ~[\n\\] )* '\n'? -> skip ;
COMMENT                : {!InClass}? '(?#' ( '\\' . | ~[)\\] )* ')' -> skip ;
COMMENT_UNTERMINATED   : {!InClass}? '(?#' ( '\\' . | ~[)\\] )* ;

GROUP_NAMED            : {!InClass}? '(?P<' ( '\\' . | ~[>\\] )* '>' { OpenGroup(); } ;
GROUP_NAMED_UNTERMINATED : {!InClass}? '(?P<' ( '\\' . | ~[>\\] )* ;
GROUP_NAMED_REF        : {!InClass}? '(?P=' ( '\\' . | ~[)\\] )* ')' ;
GROUP_NAMED_REF_UNTERMINATED : {!InClass}? '(?P=' ( '\\' . | ~[)\\] )* ;
GROUP_CONDITIONAL      : {!InClass}? '(?(' ( '\\' . | ~[)\\] )* ')' { OpenGroup(); } ;
GROUP_CONDITIONAL_UNTERMINATED : {!InClass}? '(?(' ( '\\' . | ~[)\\] )* ;
GROUP_NONCAPTURE       : {!InClass}? '(?:' { OpenGroup(); } ;
GROUP_ATOMIC           : {!InClass}? '(?>' { OpenGroup(); } ;
GROUP_LOOKAHEAD        : {!InClass}? '(?' [=!] { OpenGroup(); } ;
GROUP_LOOKBEHIND       : {!InClass}? '(?<' [=!] { OpenGroup(); } ;
// Flag letters and dashes are taken as a run; the builder checks them as sre_parse's _parse_flags does.
FLAGS_SCOPED           : {!InClass}? '(?' FLAG* ':' { OpenScopedFlagsGroup(); } ;
FLAGS_GLOBAL           : {!InClass}? '(?' FLAG+ ')' { ApplyGlobalFlags(); } ;
FLAGS_BAD              : {!InClass}? '(?' FLAG+ .? ;
GROUP_EXT_BAD          : {!InClass}? '(?' [P<]? .? ;
GROUP_OPEN             : {!InClass}? '(' { OpenGroup(); } ;
GROUP_CLOSE            : {!InClass}? ')' { CloseGroup(); } ;

QUANT                  : {!InClass}? ( [*+?] | '{' ( DIGIT+ ( ',' DIGIT* )? | ',' DIGIT* ) '}' ) [?+]? ;
ALTERNATION            : {!InClass}? '|' ;
DOT                    : {!InClass}? '.' ;
CARET                  : {!InClass}? '^' ;
DOLLAR                 : {!InClass}? '$' ;
CLASS_OPEN             : {!InClass}? '[' '^'? { EnterClass(); } ;
LITERAL_CHAR           : {!InClass}? . ;
// Last: any other character inside a class, including a ']' right after the opening bracket.
CLASS_CHAR             : . ;

fragment OCT   : [0-7] ;
fragment DIGIT : [0-9] ;
fragment HEX   : [0-9a-fA-F] ;
fragment FLAG  : [aiLmsux\-] ;
