// The structure of CPython 3.13's `re` dialect, over the tokens of PythonRegexLexer.g4.
//
// Deliberately permissive: anything sre_parse rejects but that still has a shape (a quantifier with
// nothing before it, an unterminated group or class, a malformed escape) parses into a tree, and
// RegexAstBuilder reports it with CPython's message at CPython's position. That keeps every error in one
// place and lets it be reported in the order sre_parse would find it.
parser grammar PythonRegexParser;

options { tokenVocab = PythonRegexLexer; }

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
