import { alineas, html } from './html';

describe('html', () => {
  it('escapes every value, so a text from the register cannot become markup', () => {
    const titel = '<script>alert("x")</script> & \'b\'';
    expect(String(html`<h1 title="${titel}">${titel}</h1>`)).toBe('<h1 title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;b&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;b&#39;</h1>');
  });

  it('keeps Html as it is and joins lists; leaves out null, undefined and false', () => {
    const lijst = ['<a>', 'b'].map((x) => html`<li>${x}</li>`);
    expect(String(html`<ul>${lijst}</ul>${null}${undefined}${false}${0}`)).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>0');
  });

  it('turns blank lines into paragraphs and single breaks into <br>', () => {
    expect(String(alineas('Eén <b>\ntwee\n\n drie '))).toBe('<p>Eén &lt;b&gt;<br>twee</p><p>drie</p>');
  });
});
