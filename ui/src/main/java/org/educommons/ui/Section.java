package org.educommons.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** A titled part of a page holding cards, or one line saying there is nothing (the views' shared look). */
public final class Section {

    private Section() {
    }

    /**
     * @param id    the section's element id
     * @param empty what the section says when {@code cards} is empty (already translated)
     */
    public static VerticalLayout of(String id, String title, List<? extends Component> cards, String empty) {
        VerticalLayout section = new VerticalLayout();
        section.setId(id);
        section.setPadding(false);
        section.addClassName("ec-section");
        section.add(new H3(title));
        if (cards.isEmpty()) {
            Paragraph none = new Paragraph(empty);
            none.addClassName("ec-empty");
            section.add(none);
        }
        cards.forEach(section::add);
        return section;
    }
}
